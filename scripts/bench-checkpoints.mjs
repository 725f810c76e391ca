// Times a checkpoint (a whole-working-tree snapshot stored in git) on a generated tree of 5,000 files.
// A measurement to report, not a test: `npm run build && node scripts/bench-checkpoints.mjs [files]`.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createCheckpoint, revertTask, taskChanges } from "../dist/engine/checkpoints/index.js";

const fileCount = Number(process.argv[2] ?? 5000);
const root = mkdtempSync(join(tmpdir(), "specwright-bench-checkpoints-"));
const git = (...args) => execFileSync("git", args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });

async function time(label, action) {
  const start = performance.now();
  const result = await action();
  console.log(`${label.padEnd(58)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
  return result;
}

try {
  git("init", "--quiet");
  for (let index = 0; index < fileCount; index++) {
    const folder = join(root, "src", `module-${Math.floor(index / 50)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `file-${index}.ts`), `export const value${index} = ${index};\n`.repeat(40));
  }
  console.log(`${fileCount} files of ~1.3 KB in ${root}`);
  await time("snapshot, no commit yet (git hashes every file)", () =>
    createCheckpoint({ root, spec: "bench", taskId: "0", stage: "before" }),
  );
  git("add", "--all");
  git("-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "--quiet", "-m", "initial");
  await time("snapshot, committed clean tree (index stats reused)", () =>
    createCheckpoint({ root, spec: "bench", taskId: "1", stage: "before" }),
  );
  for (let index = 0; index < 20; index++)
    writeFileSync(join(root, "src", "module-0", `file-${index}.ts`), "changed\n");
  writeFileSync(join(root, "new-file.ts"), "new\n");
  await time("snapshot after a task changed 21 files", () =>
    createCheckpoint({ root, spec: "bench", taskId: "1", stage: "after" }),
  );
  const changes = await time("taskChanges", () => taskChanges({ root, spec: "bench", taskId: "1" }));
  console.log(`  ${changes.totals.files} files changed`);
  await time("revertTask (snapshot, diff, restore 21 files)", () => revertTask({ root, spec: "bench", taskId: "1" }));
} finally {
  rmSync(root, { recursive: true, force: true });
}
