import { link, open, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { containedRealPath, workspaceOfPath } from "./contained-path.js";
import { errorCodeOf } from "./error-code.js";
import { removeLeftovers } from "./leftovers.js";
import { mapFileSystemError } from "./map-file-system-error.js";
import { syncDirectory } from "./sync-directory.js";
import { temporarySiblingPath } from "./temporary-name.js";

/** Whether `createFileExclusive` wrote the file, or found something already at its path and left it alone. */
export type CreateFileOutcome = "created" | "exists";

/** Errors of file systems that cannot hard-link (FAT, some network and container mounts). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"]);

/**
 * Creates `path` with `content` only if nothing exists there, and never replaces what another writer put
 * there first, even in a race. The content is written and flushed to a temp sibling, which is then
 * hard-linked to `path`: the link fails if the name is taken, and readers see the whole file or no file.
 * Where hard links are not supported, the file is created with O_EXCL instead (exclusive, but a crash
 * mid-write could leave it short). The parent folder must exist.
 */
export async function createFileExclusive(
  path: string,
  content: string | Uint8Array,
  options: { readonly mode?: number } = {},
): Promise<CreateFileOutcome> {
  const mode = options.mode ?? 0o666;
  // The same path policy as every write: a folder on the way that is a symlink out of the workspace is refused.
  const within = workspaceOfPath(path);
  if (within !== undefined) await containedRealPath(path, within, "write");
  await removeLeftovers(dirname(path));
  const temporary = temporarySiblingPath(path, "tmp");
  let outcome: CreateFileOutcome;
  try {
    await writeNew(temporary, content, mode);
    try {
      await link(temporary, path);
      outcome = "created";
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === "EEXIST") outcome = "exists";
      else if (code !== undefined && NO_HARD_LINKS.has(code)) outcome = await createDirectly(path, content, mode);
      else throw error;
    }
  } catch (error) {
    throw mapFileSystemError(error, path, "write");
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  if (outcome === "created") {
    try {
      await syncDirectory(dirname(path));
    } catch (error) {
      throw mapFileSystemError(error, dirname(path), "write");
    }
  }
  return outcome;
}

async function writeNew(path: string, content: string | Uint8Array, mode: number): Promise<void> {
  const handle = await open(path, "wx", mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function createDirectly(path: string, content: string | Uint8Array, mode: number): Promise<CreateFileOutcome> {
  try {
    await writeNew(path, content, mode);
    return "created";
  } catch (error) {
    if (errorCodeOf(error) === "EEXIST") return "exists";
    throw error;
  }
}
