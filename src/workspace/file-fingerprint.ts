import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

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

/**
 * The fingerprint of every file below `directory` that `include` keeps (names included, so an added file
 * counts).
 */
export function fingerprintDirectory(directory: string, include: (name: string) => boolean = () => true): string {
  let names: string[];
  try {
    names = readdirSync(directory, { recursive: true, encoding: "utf8" }).filter(include).sort();
  } catch {
    return "-";
  }
  return `${names.join("/")}#${fingerprintFiles(names.map((name) => join(directory, name)))}`;
}
