/** The git hooks Specwright installs. */
export type GitHookName = "pre-commit" | "pre-push";

export const GIT_HOOK_NAMES: readonly GitHookName[] = ["pre-commit", "pre-push"];

/** The line that marks a hook as Specwright's: uninstall removes only files that carry it. */
export const HOOK_MARKER = "# specwright-git-hook";

/** A user's own hook, kept beside ours under this name and run first. */
export function chainedHookName(hook: GitHookName): string {
  return `${hook}.specwright-chained`;
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * The hook script: runs the user's chained hook first (stopping when it fails, as git would), then
 * `specwright git-hooks run <hook>`. A pre-push hook gets the refs on standard input, so that is kept
 * and handed to both. `command` is how to start Specwright, fixed at install time.
 */
export function hookScript(hook: GitHookName, command: readonly string[]): string {
  const chained = chainedHookName(hook);
  const specwright = command.map(shellQuote).join(" ");
  const lines = [
    "#!/bin/sh",
    `${HOOK_MARKER} ${hook}: installed by \`specwright git-hooks install\`; \`specwright git-hooks uninstall\` removes it`,
    "# (and puts back the hook that was here before, if any).",
    'hook_dir=$(dirname "$0")',
  ];
  if (hook === "pre-push") {
    lines.push(
      // `$(cat)` drops the last line break; put it back only when git sent refs, so no empty line is invented.
      "input=$(cat)",
      `if [ -n "$input" ]; then input="$input\n"; fi`,
      `if [ -x "$hook_dir/${chained}" ]; then`,
      `  printf '%s' "$input" | "$hook_dir/${chained}" "$@" || exit $?`,
      "fi",
      `printf '%s' "$input" | ${specwright} git-hooks run ${hook}`,
    );
  } else {
    lines.push(
      `if [ -x "$hook_dir/${chained}" ]; then`,
      `  "$hook_dir/${chained}" "$@" || exit $?`,
      "fi",
      `exec ${specwright} git-hooks run ${hook}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
