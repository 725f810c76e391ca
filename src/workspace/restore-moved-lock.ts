import { link, unlink, writeFile } from "node:fs/promises";
import { errorCodeOf } from "./error-code.js";

/**
 * Puts a lock file that was moved to `privatePath` back at `lockPath`, unless a newer lock took the place
 * meanwhile. link() fails with EEXIST instead of overwriting, which rename() would do.
 */
export async function restoreMovedLock(
  privatePath: string,
  lockPath: string,
  content: string | undefined,
): Promise<void> {
  try {
    await link(privatePath, lockPath);
  } catch (error) {
    // EEXIST: a newer lock already took the place; it is live, so the one we moved must not overwrite it.
    // Without hard links (some network file systems), an exclusive create of the same content is as safe.
    if (errorCodeOf(error) !== "EEXIST" && content !== undefined) {
      await writeFile(lockPath, content, { flag: "wx" }).catch(() => undefined);
    }
  }
  await unlink(privatePath).catch(() => undefined);
}
