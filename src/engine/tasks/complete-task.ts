import { join } from "node:path";
import { isRefusal, resolveTask } from "../../model/tasks/resolve-task.js";
import type { TaskStatus } from "../../model/tasks/task-types.js";
import { readStoredCommit } from "../../workspace/git/checkpoint-commits.js";
import { findGitRepository } from "../../workspace/git/git-repository.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { checkpointRef } from "../checkpoints/checkpoint-ref.js";
import { createCheckpoint } from "../checkpoints/create-checkpoint.js";
import { EngineError } from "../errors/engine-error.js";
import { loadRunSettings } from "../runner/load-run-settings.js";
import type { IntegrityReport } from "../verification-integrity/integrity-types.js";
import { baselineAt, finishIntegrity } from "../verification-integrity/task-integrity.js";
import { writeReviewRecord } from "../verification-integrity/task-reviews.js";
import { parseTestCount } from "../verification-integrity/test-count.js";
import { runVerification, type VerificationResult } from "../verify/run-verification.js";
import { loadSpec } from "../workspace-model/load-spec.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import { noTasksError } from "./locate-spec-tasks.js";
import { updateTask } from "./update-task.js";

export interface CompleteTaskOptions extends WorkspaceOptions {
  readonly spec: string;
  readonly taskId: string;
  /** The verification command; default `verify.command` of the settings, else the one the project names. */
  readonly command?: string;
  readonly timeoutMs?: number;
  /** Stops the verification (the task stays as it was), e.g. when the client cancels the request. */
  readonly signal?: AbortSignal;
}

/**
 * What `start_task` records so `complete_task` can tell whether the verification was weakened: a before
 * checkpoint of the working tree. Outside a git repository there is none, and completion checks only the tests.
 */
export async function recordTaskStart(
  options: WorkspaceOptions & { readonly spec: string; readonly taskId: string },
): Promise<boolean> {
  const root = await resolveWorkspaceRoot(options);
  if ((await findGitRepository(root)) === undefined) return false;
  await createCheckpoint({ root, spec: options.spec, taskId: options.taskId, stage: "before" });
  return true;
}

export interface CompletedTask {
  readonly root: string;
  readonly spec: string;
  readonly taskId: string;
  /** Whether the verification passed; the task is marked done only then, and only when nothing weakened it. */
  readonly passed: boolean;
  /** The tests passed but the task weakened them or changed the settings: not checked off (see `integrity`). */
  readonly needsReview: boolean;
  /** The comparison with the task's start (`start_task`), when it has one. */
  readonly integrity?: IntegrityReport;
  /** The task's status after the call: `done` when the verification passed, unchanged otherwise. */
  readonly status: TaskStatus;
  /** True when tasks.md was written (the task was not done before). */
  readonly changed: boolean;
  readonly verification: VerificationResult;
}

/**
 * Verified completion: runs the project's verification and marks the task done (`[x]`, locked and atomic)
 * only when it passes; the output comes back either way. The engine decides, not the agent that asks.
 */
export async function completeTask(options: CompleteTaskOptions): Promise<CompletedTask> {
  const loaded = await loadSpec(options);
  const tasks = loaded.model.tasks?.document;
  if (!tasks) throw noTasksError(loaded.summary.name);
  // An unknown id is refused before the tests run, not after minutes of them.
  const task = resolveTask(tasks, options.taskId);
  if (isRefusal(task)) throw new EngineError({ ...task, kind: "refused" });
  const root = loaded.root;
  const verification = await runVerification({
    root,
    // The settings give the time-out and the environment variables the tests may see.
    settings: await loadRunSettings(root),
    ...(options.command === undefined ? {} : { command: options.command }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const base = { root, spec: loaded.summary.name, taskId: task.id ?? options.taskId, verification };
  if (!verification.passed) return { ...base, passed: false, needsReview: false, status: task.status, changed: false };
  const integrity = await integritySinceStart(root, base.spec, base.taskId, verification);
  if (integrity !== undefined && integrity.findings.length > 0) {
    await writeReviewRecord(join(kiroPaths(root).specsDirectory, base.spec), base.taskId, {
      runId: "mcp",
      at: new Date().toISOString(),
      title: task.title,
      findings: integrity.findings,
      runControlFiles: integrity.runControlFiles ?? [],
    });
    return { ...base, passed: true, needsReview: true, integrity, status: task.status, changed: false };
  }
  const update = await updateTask({
    cwd: root,
    root,
    spec: loaded.summary.name,
    id: options.taskId,
    change: { status: "done" },
  });
  await writeReviewRecord(join(kiroPaths(root).specsDirectory, base.spec), base.taskId, undefined);
  return {
    ...base,
    passed: true,
    needsReview: false,
    ...(integrity !== undefined ? { integrity } : {}),
    status: update.after.status,
    changed: update.changed,
  };
}

/** The task's work since `start_task`'s checkpoint, checked for weakened verification; undefined without one. */
async function integritySinceStart(
  root: string,
  spec: string,
  taskId: string,
  verification: VerificationResult,
): Promise<IntegrityReport | undefined> {
  const repository = await findGitRepository(root);
  if (repository === undefined) return undefined;
  const before = await readStoredCommit(repository, checkpointRef(spec, taskId, "before"));
  if (before === undefined) return undefined;
  const after = await createCheckpoint({ root, spec, taskId, stage: "after" });
  const baseline = await baselineAt(repository, before.commit, {
    command: verification.command,
    source: verification.source,
  });
  return finishIntegrity({
    watch: { repository, spec, taskId, beforeTree: before.commit, baseline, gitMetadata: new Map() },
    spec,
    afterCommit: after.commit,
    testCountAfter: parseTestCount(verification.output),
    gitMetadataChanged: [],
    testable: false,
  });
}
