import { chmod, lstat, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCheckpoint, revertTask } from "../../../src/engine/checkpoints/index.js";
import { createGitRepository, readWorkingTree } from "../../helpers/git-repository.js";
import { createTempDirectory, removeTempDirectory } from "../../helpers/temp-dir.js";

// Feature: task-checkpoints, Property 2: Revert is the inverse of the task.

const PATHS = ["a.txt", "src/b.txt", "src/deep/c.txt", "tool.sh", "new/d.txt"] as const;

type Operation =
  | { readonly kind: "write"; readonly path: string; readonly content: string }
  | { readonly kind: "delete"; readonly path: string }
  | { readonly kind: "chmod"; readonly path: string; readonly executable: boolean }
  | { readonly kind: "symlink"; readonly path: string; readonly target: string };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant("write" as const), path: fc.constantFrom(...PATHS), content: fc.string() }),
  fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ kind: fc.constant("chmod" as const), path: fc.constantFrom(...PATHS), executable: fc.boolean() }),
  fc.record({
    kind: fc.constant("symlink" as const),
    path: fc.constantFrom(...PATHS),
    target: fc.constantFrom(...PATHS),
  }),
);

/** Applies one operation the way a task's tools or shell would; an operation that cannot apply is skipped. */
async function apply(root: string, step: Operation): Promise<void> {
  const path = join(root, step.path);
  const exists = await lstat(path).then(
    (stats) => stats,
    () => undefined,
  );
  if (step.kind === "delete") {
    if (exists) await rm(path, { recursive: true });
    return;
  }
  if (step.kind === "chmod") {
    if (exists?.isFile()) await chmod(path, step.executable ? 0o755 : 0o644);
    return;
  }
  await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
  if (exists) await rm(path, { recursive: true });
  if (step.kind === "write") await writeFile(path, step.content).catch(() => undefined);
  else await symlink(step.target, path).catch(() => undefined);
}

describe("revertTask (property)", () => {
  it("makes the working tree byte-identical to before the task, for any sequence of file operations", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (operations) => {
        const root = await createTempDirectory();
        try {
          await createGitRepository(root, {
            files: { "a.txt": "a\n", "src/b.txt": "b\n", "tool.sh": "#!/bin/sh\n", ".gitignore": "*.log\n" },
          });
          await writeFile(join(root, "uncommitted.txt"), "mine\n");
          const before = await readWorkingTree(root);
          await createCheckpoint({ root, spec: "demo", taskId: "1", stage: "before" });
          for (const step of operations) await apply(root, step);
          await createCheckpoint({ root, spec: "demo", taskId: "1", stage: "after" });
          await revertTask({ root, spec: "demo", taskId: "1" });
          expect(await readWorkingTree(root)).toEqual(before);
          expect((await revertTask({ root, spec: "demo", taskId: "1" })).alreadyReverted).toBe(true);
        } finally {
          await removeTempDirectory(root);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
