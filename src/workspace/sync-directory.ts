import { open } from "node:fs/promises";
import { errorCodeOf } from "./error-code.js";

/** Error codes of platforms that cannot open or fsync a directory (Windows, some network file systems). */
const UNSUPPORTED = new Set(["EINVAL", "EISDIR", "EPERM", "ENOTSUP", "EBADF"]);

/** Flushes a folder's entry list, so a rename into it survives a power cut. Best effort where unsupported. */
export async function syncDirectory(directory: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(directory, "r");
    await handle.sync();
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === undefined || !UNSUPPORTED.has(code)) throw error;
  } finally {
    await handle?.close();
  }
}
