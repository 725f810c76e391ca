/**
 * Whether `path` is a plain path inside a working tree as git writes them: relative, `/`-separated, no
 * `.` or `..` segment, not inside `.git`. Anything else is refused before it reaches the file system.
 */
export function isRepositoryPath(path: string): boolean {
  if (path === "" || path.startsWith("/") || path.includes("\\") || path.includes("\u0000")) return false;
  const segments = path.split("/");
  if (segments.some((segment) => segment === "" || segment === "." || segment === "..")) return false;
  return segments[0]?.toLowerCase() !== ".git";
}
