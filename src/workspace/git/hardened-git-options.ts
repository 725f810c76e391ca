import { devNull } from "node:os";

/** One configuration key and its value, passed through `GIT_CONFIG_KEY_<n>`/`GIT_CONFIG_VALUE_<n>`. */
export type GitConfigEntry = readonly [key: string, value: string];

/**
 * Configuration that keeps the repository's configuration from running anything when Specwright runs git:
 * no hooks, no fsmonitor, no external diff or pager, no transport, no signing program, no automatic gc.
 * Filters and diff drivers are named by the repository, so {@link driverOverrides} adds one set per name.
 */
export const HARDENED_GIT_CONFIG: readonly GitConfigEntry[] = [
  ["core.hooksPath", devNull],
  ["core.fsmonitor", "false"],
  ["core.pager", "cat"],
  ["core.askPass", ""],
  ["core.sshCommand", "false"],
  ["credential.helper", ""],
  ["diff.external", ""],
  ["protocol.allow", "never"],
  ["commit.gpgSign", "false"],
  ["tag.gpgSign", "false"],
  ["gc.auto", "0"],
  ["maintenance.auto", "false"],
  ["core.untrackedCache", "false"],
];

/**
 * Empties every filter (`clean`, `smudge`, `process`, and `required` off) and diff driver (`textconv`,
 * `command`) the repository's configuration names, so a `.gitattributes` line that selects one runs nothing.
 * `names` are configuration keys as `git config --name-only` lists them (`filter.x.clean`, `diff.y.textconv`).
 */
export function driverOverrides(names: readonly string[]): GitConfigEntry[] {
  const filters = new Set<string>();
  const diffs = new Set<string>();
  for (const key of names) {
    const match = /^(filter|diff)\.(.+)\.[^.]+$/s.exec(key);
    if (!match) continue;
    (match[1] === "filter" ? filters : diffs).add(match[2] ?? "");
  }
  const entries: GitConfigEntry[] = [];
  for (const name of filters) {
    for (const [setting, value] of FILTER_OVERRIDES) entries.push([`filter.${name}.${setting}`, value]);
  }
  for (const name of diffs) {
    for (const [setting, value] of DIFF_DRIVER_OVERRIDES) entries.push([`diff.${name}.${setting}`, value]);
  }
  return entries;
}

/** git runs no filter whose command is empty (convert.c `apply_filter`), and `required` would make that fatal. */
const FILTER_OVERRIDES: readonly GitConfigEntry[] = [
  ["clean", ""],
  ["smudge", ""],
  ["process", ""],
  ["required", "false"],
];

const DIFF_DRIVER_OVERRIDES: readonly GitConfigEntry[] = [
  ["textconv", ""],
  ["command", ""],
  ["cachetextconv", "false"],
];

/**
 * The entries as environment variables. Unlike `-c key=value`, a key holding `=` (a filter named `a=b`)
 * cannot be split in the wrong place.
 */
export function configEnvironment(entries: readonly GitConfigEntry[]): Record<string, string> {
  const environment: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  for (const [index, [key, value]] of entries.entries()) {
    environment[`GIT_CONFIG_KEY_${index}`] = key;
    environment[`GIT_CONFIG_VALUE_${index}`] = value;
  }
  return environment;
}
