import { realpathSync, type Stats } from "node:fs";
import { realpath } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { errorCodeOf } from "./error-code.js";
import { type FileOperation, mapFileSystemError } from "./map-file-system-error.js";
import { relativeInside } from "./sandbox/workspace-path.js";
import { WorkspaceError } from "./workspace-error.js";

/**
 * The one policy for workspace files read or written by a command: a symlink (of the file or of a folder on
 * the way) whose target stays inside `within` is followed; one that leads out is refused, naming it and
 * where it leads. Returns the real path (for a file that does not exist yet: its nearest existing folder's
 * real path with the rest appended, so a symlinked folder cannot smuggle a new file out).
 */
export async function containedRealPath(path: string, within: string, operation: FileOperation): Promise<string> {
  const real = await realPathAllowingMissing(path, operation, (candidate) => realpath(candidate));
  const realRoot = await realpath(within).catch(() => within);
  return assertInside(path, real, realRoot);
}

/** The same, synchronously, for the readers of `status` and `check`. */
export function containedRealPathSync(path: string, within: string, operation: FileOperation): string {
  const real = realPathAllowingMissingSync(path, operation);
  let realRoot = within;
  try {
    realRoot = realpathSync.native(within);
  } catch {
    // A missing root is reported by whoever needs it; here it only bounds the path.
  }
  return assertInside(path, real, realRoot);
}

/**
 * The workspace a path belongs to when the caller did not say: the folder holding the `.kiro` folder on
 * its way (by name, no file system). Undefined for a path outside any `.kiro` folder.
 */
export function workspaceOfPath(path: string, within?: string): string | undefined {
  if (within !== undefined) return within;
  const segments = resolve(path).split(sep);
  const kiro = segments.lastIndexOf(".kiro", segments.length - 2);
  return kiro <= 0 ? undefined : segments.slice(0, kiro).join(sep) || sep;
}

/** realpath of `path`, or of its nearest existing ancestor with the missing rest appended. */
export async function realPathAllowingMissing(
  path: string,
  operation: FileOperation,
  resolveReal: (candidate: string) => Promise<string> = (candidate) => realpath(candidate),
): Promise<string> {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(await resolveReal(current), ...missing.reverse());
    } catch (error) {
      current = nextAncestor(error, current, path, operation, missing);
    }
  }
}

export function realPathAllowingMissingSync(path: string, operation: FileOperation): string {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(realpathSync.native(current), ...missing.reverse());
    } catch (error) {
      current = nextAncestor(error, current, path, operation, missing);
    }
  }
}

function nextAncestor(error: unknown, current: string, path: string, operation: FileOperation, missing: string[]) {
  const code = errorCodeOf(error);
  const parent = dirname(current);
  if ((code !== "ENOENT" && code !== "ENOTDIR") || parent === current) throw mapFileSystemError(error, path, operation);
  missing.push(basename(current));
  return parent;
}

export function assertInside(path: string, real: string, realRoot: string): string {
  if (relativeInside(realRoot, real) === undefined) {
    throw new WorkspaceError({
      code: "outside-workspace",
      message: `${path} is a symlink (or inside one) that leads outside the workspace, to ${real}; it was neither read nor written.`,
      fix: `Replace the symlink by the file itself, or point it at a file inside the workspace ${realRoot}.`,
      path,
    });
  }
  return real;
}

/** What a path that is neither a file nor a folder is, in words. */
export function specialFileKind(stats: Pick<Stats, "isFIFO" | "isSocket" | "isCharacterDevice" | "isBlockDevice">) {
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  return "not a regular file";
}

/** A FIFO, socket or device where a file was expected: refused by what it is, never taken as missing. */
export function specialFileError(path: string, stats: Parameters<typeof specialFileKind>[0]): WorkspaceError {
  return new WorkspaceError({
    code: "not-a-file",
    message: `${path} is ${specialFileKind(stats)}, not a regular file; it was neither read nor written.`,
    fix: "Replace it by a regular text file (or remove it), then retry.",
    path,
  });
}
