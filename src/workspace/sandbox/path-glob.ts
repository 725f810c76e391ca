import picomatch from "picomatch/posix.js";

/**
 * A matcher for root-relative `/`-separated paths, as in .gitignore: a pattern without `/` matches a file
 * name in any folder (`*.ts`, `.env`), one with `/` matches the path from the root (`src/**\/*.test.ts`).
 * Dot files are matched. (picomatch's own `basename` option applies to every pattern, slashes or not,
 * hence the split.)
 */
export function pathGlobMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const namePatterns = patterns.filter((pattern) => !pattern.includes("/"));
  const pathPatterns = patterns.filter((pattern) => pattern.includes("/"));
  const matchesName = namePatterns.length > 0 ? picomatch(namePatterns, { dot: true, basename: true }) : () => false;
  const matchesPath = pathPatterns.length > 0 ? picomatch(pathPatterns, { dot: true }) : () => false;
  return (relativePath) => matchesName(relativePath) || matchesPath(relativePath);
}
