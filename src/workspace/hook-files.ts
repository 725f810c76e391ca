import { chmod, rename, rm } from "node:fs/promises";
import { writeFileAtomic } from "./atomic-write.js";
import { ensureDirectory } from "./ensure-directory.js";
import { mapFileSystemError } from "./map-file-system-error.js";

/** Writes an executable script (a git hook) atomically, creating its folder. */
export async function writeExecutableFile(folder: string, path: string, content: string): Promise<void> {
  await ensureDirectory(folder);
  await writeFileAtomic(path, content, { mode: 0o755 });
  try {
    await chmod(path, 0o755);
  } catch (error) {
    throw mapFileSystemError(error, path, "write");
  }
}

/** Renames a file in place (the same folder), keeping its content and mode. */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    throw mapFileSystemError(error, from, "write");
  }
}

export async function removeFile(path: string): Promise<void> {
  try {
    await rm(path, { force: true });
  } catch (error) {
    throw mapFileSystemError(error, path, "write");
  }
}
