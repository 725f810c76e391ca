import { statSync } from "node:fs";

/**
 * A string that changes whenever one of the files changes: size, modification time and inode, the test
 * ESLint's cache uses. A missing file counts as such, so deleting one changes the fingerprint too.
 */
export function fingerprintFiles(paths: readonly string[]): string {
  return paths
    .map((path) => {
      try {
        const stats = statSync(path, { bigint: true });
        return `${stats.size}:${stats.mtimeNs}:${stats.ino}`;
      } catch {
        return "-";
      }
    })
    .join("|");
}
