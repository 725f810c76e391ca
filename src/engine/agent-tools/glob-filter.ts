import picomatch from "picomatch/posix.js";

/**
 * A glob over root-relative paths, as in .gitignore: a pattern without `/` matches a file name in any
 * folder (`*.ts`), one with `/` matches the path from the root (`src/**\/*.test.ts`). Dot files included.
 */
export function globFilter(pattern: string): (relativePath: string) => boolean {
  return picomatch(pattern, { dot: true, basename: !pattern.includes("/") });
}
