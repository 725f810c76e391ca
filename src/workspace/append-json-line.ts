import { appendFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createFileExclusive } from "./create-file-exclusive.js";
import { ensureDirectory } from "./ensure-directory.js";
import { withFileLock } from "./file-lock.js";
import { mapFileSystemError } from "./map-file-system-error.js";

/**
 * Appends one JSON line to a log in `.kiro/specwright/`, under the file's lock so concurrent commands never
 * interleave half lines. The folder gets a `.gitignore` of `*`: these logs are this machine's, and must not
 * turn up in the user's commits or in a task's checkpoint.
 */
export async function appendJsonLine(path: string, value: unknown): Promise<void> {
  const line = `${JSON.stringify(value)}\n`;
  await ensureDirectory(dirname(path));
  await createFileExclusive(join(dirname(path), ".gitignore"), "*\n");
  await withFileLock(path, async () => {
    try {
      await appendFile(path, line, "utf8");
    } catch (error) {
      throw mapFileSystemError(error, path, "write");
    }
  });
}
