import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createCheckpoint } from "../../src/engine/checkpoints/create-checkpoint.js";

const execFileAsync = promisify(execFile);

/**
 * What the task runner does around a task, without a model: a before checkpoint, the task's work (here a
 * shell script, as `run_command` would run it), an after checkpoint.
 */
export async function simulateTaskRun(root: string, spec: string, taskId: string, script: string): Promise<void> {
  await createCheckpoint({ root, spec, taskId, stage: "before" });
  await execFileAsync("sh", ["-c", script], { cwd: root });
  await createCheckpoint({ root, spec, taskId, stage: "after" });
}
