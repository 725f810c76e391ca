import { stat } from "node:fs/promises";
import { errorCodeOf } from "./error-code.js";
import { mapFileSystemError } from "./map-file-system-error.js";

/** What is at `path` (symlinks followed): nothing, a folder, or something else; other failures are errors. */
export async function pathKind(path: string): Promise<"missing" | "directory" | "other"> {
  try {
    return (await stat(path)).isDirectory() ? "directory" : "other";
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === "ENOENT" || code === "ENOTDIR") return "missing";
    throw mapFileSystemError(error, path, "read");
  }
}
