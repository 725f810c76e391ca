import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { containedRealPath } from "./contained-path.js";

export interface FileInside {
  /** The real path, links followed. */
  readonly path: string;
  readonly content: Buffer;
}

/**
 * A regular file under `folder`, named by path segments, read as bytes; undefined when it is missing, not a
 * regular file, or when its real path (links followed) leaves the folder: the workspace's one containment
 * policy, for a caller that answers "not found" rather than explaining a refusal.
 */
export async function readFileInside(folder: string, segments: readonly string[]): Promise<FileInside | undefined> {
  try {
    const path = await containedRealPath(join(folder, ...segments), folder, "read");
    if (!(await stat(path)).isFile()) return undefined;
    return { path, content: await readFile(path) };
  } catch {
    return undefined;
  }
}
