import { stat } from "node:fs/promises";
import { errorCodeOf } from "./error-code.js";
import { mapFileSystemError } from "./map-file-system-error.js";

/** True when `path` is a directory (symlinks followed); false when it is missing, a file, or not ours to see. */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EACCES" || code === "EPERM" || code === "ELOOP") {
      return false;
    }
    throw mapFileSystemError(error, path, "read");
  }
}
