import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SAMPLE_REQUIREMENTS, SAMPLE_TASKS } from "../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

// The built modules: a worker thread runs dist/engine/check/check-worker.js, which only the build produces.
const DIST = fileURLToPath(new URL("../../../dist", import.meta.url));
const folder = useTempDirectory();

async function manySpecs(count: number): Promise<string> {
  const root = folder();
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) {
    const name = `spec-${String(index).padStart(3, "0")}`;
    // Every third spec has a vague criterion, every fifth a task pointing at a missing criterion.
    files[`.kiro/specs/${name}/requirements.md`] =
      index % 3 === 0 ? `${SAMPLE_REQUIREMENTS}3. THE Rate_Limiter SHALL respond quickly\n` : SAMPLE_REQUIREMENTS;
    files[`.kiro/specs/${name}/tasks.md`] =
      index % 5 === 0 ? `${SAMPLE_TASKS}- [ ] 9. Extra\n  - _Requirements: 7.7_\n` : SAMPLE_TASKS;
  }
  await writeTree(root, files);
  return root;
}

/** The built function, `count` spec folders, and their results on the main thread alone. */
async function checkedAlone(count: number) {
  const { checkSpecFoldersInParallel } = await import(join(DIST, "engine", "check", "check-in-parallel.js"));
  const { listSpecFolders } = await import(join(DIST, "workspace", "spec-folders.js"));
  const root = await manySpecs(count);
  const folders = await listSpecFolders(root);
  const alone = await checkSpecFoldersInParallel(root, folders, undefined, { threads: 1 });
  return { checkSpecFoldersInParallel, root, folders, alone };
}

describe("checking spec folders on worker threads", () => {
  it("gives, spec by spec, what the main thread alone gives, with batches checked by a worker", async () => {
    const { checkSpecFoldersInParallel, root, folders, alone } = await checkedAlone(120);
    const threads: string[] = [];
    const shared = await checkSpecFoldersInParallel(root, folders, undefined, {
      threads: 2,
      workersOnly: true,
      onBatch: (_index: number, thread: string) => threads.push(thread),
    });
    expect(alone.flatMap((spec: { diagnostics: unknown[] }) => spec.diagnostics).length).toBeGreaterThan(40);
    expect(shared).toEqual(alone);
    expect(threads).toEqual(Array(Math.ceil(120 / 25)).fill("worker"));
  });

  it("leaves every batch to the workers when SPECWRIGHT_CHECK_THREADS asks for several threads", async () => {
    const { checkSpecFoldersInParallel, root, folders, alone } = await checkedAlone(80);
    const threads: string[] = [];
    const before = process.env.SPECWRIGHT_CHECK_THREADS;
    process.env.SPECWRIGHT_CHECK_THREADS = "2";
    try {
      const shared = await checkSpecFoldersInParallel(root, folders, undefined, {
        onBatch: (_index: number, thread: string) => threads.push(thread),
      });
      expect(shared).toEqual(alone);
    } finally {
      if (before === undefined) delete process.env.SPECWRIGHT_CHECK_THREADS;
      else process.env.SPECWRIGHT_CHECK_THREADS = before;
    }
    expect(threads).toEqual(Array(Math.ceil(80 / 25)).fill("worker"));
  });

  it("checks on the main thread the batches of a worker that fails", async () => {
    const { checkSpecFoldersInParallel, root, folders, alone } = await checkedAlone(60);
    const failing = new URL("data:text/javascript,throw new Error('the worker broke')");
    const recovered = await checkSpecFoldersInParallel(root, folders, undefined, {
      threads: 2,
      workersOnly: true,
      workerUrl: failing,
    });
    expect(recovered).toEqual(alone);
    expect(recovered).toHaveLength(60);
  });
});
