/**
 * The files a hook's shell command visibly writes: targets of `>` / `>>` redirections and of `tee`, when
 * they are plain words (a target built from `$VARIABLES` or quotes with expansions cannot be decided).
 */
export function commandWrites(command: string): string[] {
  const written = new Set<string>();
  for (const match of command.matchAll(/(?:^|[^0-9&<>])>>?\s*([^\s;&|<>()]+)/g)) addPlain(written, match[1]);
  for (const match of command.matchAll(/\btee\s+((?:-\w+\s+)*)([^\s;&|<>()]+)/g)) addPlain(written, match[2]);
  return [...written];
}

function addPlain(written: Set<string>, target: string | undefined): void {
  if (target === undefined || /[$`*?]/.test(target) || target.startsWith("/dev/") || target.startsWith("&")) return;
  written.add(target.replace(/^['"]|['"]$/g, "").replace(/^\.\//, ""));
}
