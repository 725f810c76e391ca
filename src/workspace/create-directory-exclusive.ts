import { lstat, mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { containedRealPath, workspaceOfPath } from "./contained-path.js";
import { errorCodeOf } from "./error-code.js";
import { mapFileSystemError } from "./map-file-system-error.js";
import { syncDirectory } from "./sync-directory.js";
import { temporarySiblingPath } from "./temporary-name.js";

/** Whether the folder was created, or something already had its name (nothing was changed then). */
export type CreateDirectoryOutcome = "created" | "exists";

export interface DirectoryFile {
  /** A plain file name inside the folder (no separators). */
  readonly name: string;
  readonly content: string | Uint8Array;
}

export interface CreateDirectoryExclusiveOptions {
  /**
   * Where the folder is assembled before it is renamed into place; it must be on the same file system as
   * the target. Defaults to the target's parent. Pick a folder listings do not read, so a half-built
   * folder left by a crash is never taken for a real one.
   */
  readonly stagingDirectory?: string;
}

/**
 * Creates the folder `target` holding `files`, all at once: the files are written and flushed in a hidden
 * staging folder, which is then renamed to `target`. Readers see no folder or the complete one; a crash
 * leaves at most a hidden staging folder. Something already at `target` is left alone ("exists"). One race
 * remains that rename cannot rule out on POSIX: an empty folder created at `target` after the check is
 * replaced, which loses nothing. The parent of `target` must exist.
 */
export async function createDirectoryExclusive(
  target: string,
  files: readonly DirectoryFile[],
  options: CreateDirectoryExclusiveOptions = {},
): Promise<CreateDirectoryOutcome> {
  // The same path policy as every write: a folder on the way that is a symlink out of the workspace is refused.
  const within = workspaceOfPath(target);
  if (within !== undefined) await containedRealPath(target, within, "write");
  if (await exists(target)) return "exists";
  const staging = temporarySiblingPath(join(options.stagingDirectory ?? dirname(target), basename(target)), "tmp");
  try {
    await mkdir(staging);
    for (const file of files) {
      const handle = await open(join(staging, file.name), "wx");
      try {
        await handle.writeFile(file.content);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await syncDirectory(staging);
    if (await exists(target)) return "exists";
    try {
      await rename(staging, target);
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR" || code === "EISDIR") return "exists";
      if (code === "EPERM" && (await exists(target))) return "exists";
      throw error;
    }
    await syncDirectory(dirname(target));
    return "created";
  } catch (error) {
    throw mapFileSystemError(error, target, "write");
  } finally {
    // After a successful rename the staging path no longer exists; otherwise this removes the leftover.
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT") return false;
    throw mapFileSystemError(error, path, "write");
  }
}
