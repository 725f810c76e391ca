import { lstat, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { mapFileSystemError } from "../map-file-system-error.js";
import { syncDirectory } from "../sync-directory.js";
import { WorkspaceError } from "../workspace-error.js";

/** Removes one file (a symlink itself, not its target); a folder is refused, a missing file is not-found. */
export async function deleteFile(path: string): Promise<void> {
  try {
    if ((await lstat(path)).isDirectory()) {
      throw new WorkspaceError({
        code: "is-directory",
        message: `${path} is a directory; only files are deleted, one at a time.`,
        fix: "Delete the files inside it one by one, or leave the folder.",
        path,
      });
    }
    await unlink(path);
    await syncDirectory(dirname(path));
  } catch (error) {
    throw mapFileSystemError(error, path, "write");
  }
}
