import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The latest modification time (ms) of the files in a folder and its sub-folders, or undefined when it has
 * none; a file deleted while being looked at is left out.
 */
export function latestModification(folder: string): number | undefined {
  let latest: number | undefined;
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const time = entry.isDirectory() ? latestModification(path) : modifiedAt(path);
    if (time !== undefined && (latest === undefined || time > latest)) latest = time;
  }
  return latest;
}

function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
