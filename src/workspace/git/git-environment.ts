import { devNull } from "node:os";

/**
 * What git needs from the environment to find itself and write temporary files; everything else (API keys,
 * `GIT_*` overrides such as `GIT_DIR`, `GIT_EXTERNAL_DIFF`, `GIT_CONFIG_COUNT`, `GIT_SSH_COMMAND`) stays out.
 */
const KEPT_VARIABLES = new Set([
  "PATH",
  "TMPDIR",
  "TMP",
  "TEMP",
  "SYSTEMROOT",
  "SYSTEMDRIVE",
  "COMSPEC",
  "PATHEXT",
  "WINDIR",
]);

/**
 * The environment of every git command Specwright runs: only {@link KEPT_VARIABLES} of `inherited`, no
 * system or global configuration (a hook or filter set there runs nothing here), and what Specwright sets.
 */
export function gitEnvironment(
  inherited: Readonly<Record<string, string | undefined>>,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(inherited)) {
    if (value !== undefined && KEPT_VARIABLES.has(name.toUpperCase())) environment[name] = value;
  }
  return {
    ...environment,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: devNull,
    GIT_ATTR_NOSYSTEM: "1",
    GIT_NO_REPLACE_OBJECTS: "1",
    // A file named `*.ts` is that file, never a glob; no prompt ever waits for a terminal; messages in English.
    GIT_LITERAL_PATHSPECS: "1",
    GIT_TERMINAL_PROMPT: "0",
    GIT_OPTIONAL_LOCKS: "0",
    GIT_PAGER: "cat",
    LC_ALL: "C",
    ...extra,
  };
}
