import type { Stats } from "node:fs";
import { constants } from "node:fs";
import { access, chmod, chown, open, rename, stat, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { containedRealPath, specialFileError, workspaceOfPath } from "./contained-path.js";
import { errorCodeOf } from "./error-code.js";
import { removeLeftovers } from "./leftovers.js";
import { mapFileSystemError } from "./map-file-system-error.js";
import { resolveRealPath } from "./resolve-real-path.js";
import { syncDirectory } from "./sync-directory.js";
import { temporarySiblingPath } from "./temporary-name.js";
import { WorkspaceError } from "./workspace-error.js";

export interface WriteFileAtomicOptions {
  /** Permission bits for a file that does not exist yet (the umask applies). Default 0o666. */
  readonly mode?: number;
  /**
   * The workspace root: a symlink (of the file or a folder on the way) that leads out of it is refused
   * with `outside-workspace`; one that stays inside is written through. Default: the folder holding the
   * `.kiro` folder the path is in, if any.
   */
  readonly within?: string;
}

/**
 * Replaces `path` with `content` so that readers see the old file or the new one, never half of it:
 * the content goes to a temp file in the same folder, is flushed to disk, then renamed over the target.
 * The target keeps its permission bits (and owner, when we may set it). A symlink is written through,
 * not replaced. A read-only target is refused rather than silently replaced, because rename only needs
 * write access to the folder. Strings are written as UTF-8, exactly as given (BOM and CRLF included).
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const within = workspaceOfPath(path, options.within);
  const target = within === undefined ? await resolveRealPath(path) : await containedRealPath(path, within, "write");
  const existing = await statIfExists(target);
  if (existing !== undefined) await assertWritable(target, existing);

  await removeLeftovers(dirname(target));
  const temporary = temporarySiblingPath(target, "tmp");
  try {
    const handle = await open(temporary, "wx", options.mode ?? 0o666);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existing !== undefined) await copyPermissions(temporary, existing);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw mapFileSystemError(error, target, "write");
  }
  try {
    await syncDirectory(dirname(target));
  } catch (error) {
    // The new content is in place; only its durability across a crash is in doubt. Say so.
    throw mapFileSystemError(error, dirname(target), "write");
  }
}

async function statIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT") return undefined;
    throw mapFileSystemError(error, path, "write");
  }
}

async function assertWritable(path: string, stats: Stats): Promise<void> {
  if (stats.isDirectory()) {
    throw new WorkspaceError({
      code: "is-directory",
      message: `Cannot write ${path}: it is a directory, not a file.`,
      fix: "Pass the path of a file inside that directory.",
      path,
    });
  }
  // rename() would silently replace a pipe, socket or device by a file: refuse it by what it is.
  if (!stats.isFile()) throw specialFileError(path, stats);
  // A file nobody may write is marked read-only on purpose; refuse even as root, for whom access() passes.
  if ((stats.mode & 0o222) === 0) {
    throw new WorkspaceError({
      code: "read-only",
      message: `${path} is read-only; it was left unchanged.`,
      fix: `Make it writable (for example \`chmod u+w ${path}\`) if it should be edited, then retry.`,
      path,
    });
  }
  try {
    await access(path, constants.W_OK);
  } catch (error) {
    // EACCES here means someone else's file that we may not write: permission-denied, with its fix.
    throw mapFileSystemError(error, path, "write");
  }
}

async function copyPermissions(temporary: string, existing: Stats): Promise<void> {
  const ownedByUs =
    typeof process.getuid !== "function" || (existing.uid === process.getuid() && existing.gid === process.getgid?.());
  if (!ownedByUs) {
    // Only root (or a group member) may give the file back its owner; otherwise the rename makes us the
    // owner, as any editor that saves via a temp file does. chown comes first because it clears setuid bits.
    await chown(temporary, existing.uid, existing.gid).catch(() => undefined);
  }
  await chmod(temporary, existing.mode & 0o7777);
}
