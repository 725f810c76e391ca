import { realpath } from "node:fs/promises";
import { errorCodeOf } from "./error-code.js";
import { mapFileSystemError } from "./map-file-system-error.js";

/**
 * The path with symlinks resolved, or `path` itself when it does not exist yet. Writes go to the real
 * file (so a symlink stays a symlink) and locks sit next to it (so two names of one file share one lock).
 */
export async function resolveRealPath(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT") return path;
    throw mapFileSystemError(error, path, "write");
  }
}
