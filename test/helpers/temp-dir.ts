import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach } from "vitest";

/** A fresh, empty folder under the OS temp folder. */
export async function createTempDirectory(prefix = "specwright-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Removes a temp folder even if a test left files or folders without permissions in it. */
export async function removeTempDirectory(path: string): Promise<void> {
  await restorePermissions(path);
  await rm(path, { recursive: true, force: true });
}

/**
 * Gives each test of the calling file its own temp folder, removed after the test.
 * Returns a getter, because the folder only exists once `beforeEach` has run.
 */
export function useTempDirectory(prefix?: string): () => string {
  let current: string | undefined;
  beforeEach(async () => {
    current = await createTempDirectory(prefix);
  });
  afterEach(async () => {
    if (current !== undefined) await removeTempDirectory(current);
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error("useTempDirectory(): the temp folder exists only inside a test");
    return current;
  };
}

/** Writes files (paths relative to `root`, `/`-separated), creating their folders. A trailing `/` makes a folder. */
export async function writeTree(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [relativePath, content] of Object.entries(files)) {
    const path = join(root, ...relativePath.split("/"));
    if (relativePath.endsWith("/")) {
      await mkdir(path, { recursive: true });
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

async function restorePermissions(path: string): Promise<void> {
  try {
    await chmod(path, 0o700);
    const entries = await readdir(path, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory()) await restorePermissions(join(path, entry.name));
    }
  } catch {
    // Missing or not ours: rm will report anything that really blocks removal.
  }
}
