import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { writeFileAtomic } from "./atomic-write.js";

/**
 * A cache file: reading never fails (a missing, unreadable or corrupt cache is an empty one) and writing
 * is atomic, so two processes saving at once leave one whole cache, never a mix.
 */
export async function readJsonCacheFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** Saves the cache; failure (read-only home, full disk) is reported to the caller, who may ignore it. */
export async function writeJsonCacheFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(value));
}
