import { mkdir } from "node:fs/promises";
import { mapFileSystemError } from "./map-file-system-error.js";

/** Creates `directory` and its parents if missing; a failure becomes a WorkspaceError with a fix. */
export async function ensureDirectory(directory: string): Promise<void> {
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    throw mapFileSystemError(error, directory, "write");
  }
}
