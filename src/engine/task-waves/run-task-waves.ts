import { join, relative, sep } from "node:path";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { updateRef } from "../../workspace/git/checkpoint-commits.js";
import {
  addWorktree,
  removeLeftoverWaveWorktrees,
  removeWorktrees,
  WAVE_BRANCH_PREFIX,
  waveWorktreesFolder,
} from "../../workspace/git/worktrees.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { acquireRunLock, openRunRecords } from "../../workspace/run-log/index.js";
import { requireGitRepository } from "../checkpoints/require-git-repository.js";
import { EngineError } from "../errors/engine-error.js";
import { loadRunSettings } from "../runner/load-run-settings.js";
import { recordTaskRun } from "../runner/record-task-run.js";
import type { RunEvent } from "../runner/run-events.js";
import { type RunSpecTasksOptions, recordReview, runSpecTasks } from "../runner/run-spec-tasks.js";
import type { TaskOutcome } from "../runner/run-summary.js";
import type { RunnerServices } from "../runner/runner-services.js";
import { completeParents, releasePending, settleInterrupted } from "../runner/task-marks.js";
import { locateSpecTasks } from "../tasks/locate-spec-tasks.js";
import { updateTask } from "../tasks/update-task.js";
import type { TestCount } from "../verification-integrity/test-count.js";
import { resolveWorkspaceRoot } from "../workspace-model/workspace-context.js";
import { createLimit } from "./limit.js";
import { mergeBatch, mergedWork, mergeInto } from "./merge-wave-tasks.js";
import { type PlannedWaves, planWaves, readKiroWaves } from "./plan-waves.js";
import { type AheadWave, type Baseline, type StartedWave, startWaveAhead, type WorktreeRun } from "./wave-ahead.js";
import type { WaveMergeResult, WaveRecord, WaveRunEvent, WaveRunSummary } from "./wave-events.js";
import { applyToMainTree, baseCommit, commitTaskWork, nextBase } from "./wave-trees.js";

export interface RunTaskWavesOptions extends Omit<RunSpecTasksOptions, "onEvent" | "approve" | "decideInterrupted"> {
  /** Agents at most at once. */
  readonly parallel: number;
  readonly onEvent?: (event: WaveRunEvent) => void;
  readonly decideInterrupted?: RunSpecTasksOptions["decideInterrupted"];
}

export interface RunTaskWavesResult {
  readonly root: string;
  readonly summary: WaveRunSummary;
  readonly records: { readonly log: string; readonly summary: string };
}

type Outcome = WaveRunSummary["tasks"][number];

type PlannedWave = PlannedWaves["waves"][number];

/** How a task of a wave starts: its baseline, where its events go, and whether its wave started ahead. */
interface TaskStart {
  readonly baseline: Baseline | undefined;
  /** A baseline still to come (the first task's count, or a wave started ahead's confirmation): waited for. */
  readonly startsAfter?: Promise<Baseline | undefined> | undefined;
  readonly deliver: (event: WaveRunEvent) => void;
  readonly ahead: boolean;
  /** Told the baseline its own tests on the base gave (undefined when it has none), for the other tasks. */
  readonly onBaseline?: (baseline: Baseline | undefined) => void;
  /** Told when its agent is done: its tests on its work start (or it ended without getting there). */
  readonly onAgentDone: () => void;
}

/**
 * `specwright run --all --parallel N`: the plan's waves one after the other; each task of a wave in its
 * own git worktree on a branch from the wave's base (a commit of the main working tree as it is), run by
 * the runner's single-task path there (its own agent, sandbox, checkpoints, verification). A verified task
 * is merged back in plan order: fast-forward, or a clean three-way merge whose tree then passes the tests;
 * a conflict or a failing merged tree sends the task back to run alone on the merged tree. The main tree's
 * tasks.md is the only task state, changed (under its lock) as each task ends. Worktrees are removed when
 * the run ends, however it ends; a killed run's are removed by the next.
 */
export async function runTaskWaves(options: RunTaskWavesOptions): Promise<RunTaskWavesResult> {
  if (options.mode === "supervised") {
    throw new EngineError({
      code: "parallel-supervised",
      kind: "usage",
      message: "Supervised mode reviews one change at a time, and --parallel runs several tasks at once.",
      fix: "Drop --parallel to review each change, or run the waves in autopilot (each task is still verified).",
    });
  }
  const root = await resolveWorkspaceRoot(options);
  const { folder, file: tasksFile } = await locateSpecTasks(root, options.spec);
  await options.services.requireGitRepository(root);
  const repository = await requireGitRepository(root);
  const settings = options.settings ?? (await loadRunSettings(root));
  const lock = await acquireRunLock(folder.path);
  const records = await openRunRecords(folder.path);
  const startedAt = new Date().toISOString();
  const emit = (event: WaveRunEvent) => {
    options.onEvent?.(event);
    records.append(event as RunEvent).catch(() => undefined);
  };
  const setStatus = (id: string, status: "todo" | "in-progress" | "queued" | "done") =>
    updateTask({ cwd: root, root, spec: folder.name, id, change: { status } });
  const pending = new Set<string>();
  const active = new Map<string, string | undefined>();
  // One `git worktree` add or remove at a time: git writes a new worktree's files under .git/worktrees/
  // one by one, and a second `worktree add` reading them meanwhile fails ("failed to read commondir").
  const worktreeAdmin = createLimit(1);
  try {
    const cleaned = await removeLeftoverWaveWorktrees(repository);
    if (cleaned.length > 0) emit({ type: "worktrees-cleaned", paths: cleaned.map((path) => fromRoot(root, path)) });
    const document = parseTasks(await readTextFile(tasksFile));
    // A parallel run starts interrupted tasks afresh: their worktrees, and the work in them, are gone.
    const { resumed, reset } = await settleInterrupted(document, options, setStatus);
    const current = parseTasks(await readTextFile(tasksFile));
    const metaFile = join(folder.path, "tasks.meta.json");
    const kiro = readKiroWaves((await pathExists(metaFile)) ? await readTextFile(metaFile) : undefined);
    const planned = planWaves(current, kiro, {
      ...(options.taskIds ? { taskIds: options.taskIds } : {}),
      includeOptional: options.includeOptional === true,
      resume: resumed,
    });
    const taskIds = planned.plan.tasks.map((task) => task.id ?? "");
    emit({ type: "run-start", runId: records.runId, spec: folder.name, mode: "autopilot", taskIds, resumed, reset });
    for (const skipped of planned.plan.skipped) emit({ type: "task-skipped", ...skipped });
    for (const id of taskIds) {
      pending.add(id);
      await setStatus(id, "queued");
    }
    // No agent starts when nothing can prove its work: a missing test command is an error up front.
    await options.services.resolveVerificationCommand({ root, settings });
    const verifyLimit = createLimit(settings.verify?.parallel === true ? options.parallel : 1);
    const services: RunnerServices = {
      ...options.services,
      verify: (verifyOptions) => verifyLimit(() => options.services.verify(verifyOptions)),
    };
    const agents = Math.max(1, options.parallel);
    const agentLimit = createLimit(agents);
    // Tasks whose agent is done and whose tests run or wait their turn: each will end in a moment.
    // A task leaves this list when its tests fail (a repair round asks the model again): not worth a wait.
    const settling = new Map<string, { readonly left: Promise<void>; readonly leave: () => void }>();
    // Each task's last "after" checkpoint: its work as its tests see it, before it is committed.
    const afterCheckpoints = new Map<string, string>();
    const folderOfWorktrees = await waveWorktreesFolder(repository);
    const outcomes: Outcome[] = [];
    const waves: WaveRecord[] = [];
    let stoppedEarly: string | undefined;

    // The last verification of an accepted tree (a task's own, or a merge's): when the next wave's base
    // holds the same work, its test count is that base's baseline, and the tests need not run again.
    let lastVerified: Baseline | undefined;
    const knownBaseline = async (base: string): Promise<Baseline | undefined> => {
      if (lastVerified === undefined) return undefined;
      const same = await services.sameWork({ root, spec: folder.name, from: lastVerified.commit, to: base });
      return same ? { commit: base, testCount: lastVerified.testCount } : undefined;
    };

    const runInWorktree = async (
      wave: number,
      taskId: string,
      base: string,
      start: TaskStart,
    ): Promise<WorktreeRun> => {
      const name = `${records.runId}-${taskId}`;
      const path = join(folderOfWorktrees, name);
      const branch = `${WAVE_BRANCH_PREFIX}${records.runId}/${taskId}`;
      try {
        active.set(path, branch);
        await worktreeAdmin(() => addWorktree(repository, path, branch, base));
        const worktreeRoot = join(path, repository.prefix);
        const worktree = fromRoot(root, path);
        // A task of a wave started ahead is marked [~] once its wave is confirmed.
        if (!start.ahead) await setStatus(taskId, "in-progress");
        const inner = await runSpecTasks({
          cwd: worktreeRoot,
          root: worktreeRoot,
          spec: folder.name,
          taskIds: [taskId],
          mode: "autopilot",
          // The base carries the main tree's [~] marks; inside the worktree they mean nothing.
          interrupted: "reset",
          session: options.session,
          services: start.onBaseline ? reportingFirstVerification(services, base, start.onBaseline) : services,
          settings,
          ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
          ...(options.contextMaxChars !== undefined ? { contextMaxChars: options.contextMaxChars } : {}),
          ...(options.askCommand ? { askCommand: options.askCommand } : {}),
          ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
          ...(start.baseline ? { baseline: start.baseline } : {}),
          ...(start.startsAfter ? { startsAfter: start.startsAfter } : {}),
          onEvent: (event) => {
            if (event.type === "checkpoint" && event.stage === "after") afterCheckpoints.set(taskId, event.commit);
            // Its tests on its work (a baseline run, before the agent acts, does not settle a task).
            if (event.type === "verify-start" && event.round >= 1) {
              start.onAgentDone();
              let leave: () => void = () => undefined;
              const left = new Promise<void>((resolve) => {
                leave = resolve;
              });
              settling.set(taskId, { left, leave });
            }
            if (event.type === "verify-end" && !event.passed) {
              settling.get(taskId)?.leave();
              settling.delete(taskId);
            }
            if (event.type !== "run-start" && event.type !== "run-end") start.deliver({ ...event, wave, worktree });
          },
        });
        const outcome = inner.summary.tasks[0] ?? notRun(taskId, inner.summary.stoppedEarly);
        const commit =
          outcome.status === "done" ? await commitTaskWork(repository, path, folder.name, base, taskId) : undefined;
        if (commit !== undefined)
          await updateRef(repository, `refs/heads/${branch}`, commit, `specwright: task ${taskId}`);
        return { taskId, outcome, commit, path, branch };
      } finally {
        // However it ended: the tasks waiting for its baseline go on (running their own tests if it has none).
        start.onBaseline?.(undefined);
        start.onAgentDone();
      }
    };

    /**
     * The wave's tasks started, each in its own worktree. Without a known baseline, the first task's own
     * tests on the base (run in its worktree while the model's first turn is out) are the others' baseline:
     * they wait for it, so no agent acts before the base's tests are counted.
     */
    const startWave = (
      wave: PlannedWave,
      base: string,
      baseline: Baseline | undefined,
      deliver: (event: WaveRunEvent) => void,
      accepted?: Promise<Baseline | undefined>,
    ): StartedWave => {
      const ahead = accepted !== undefined;
      let share: ((baseline: Baseline | undefined) => void) | undefined;
      const shared =
        baseline === undefined && accepted === undefined && wave.taskIds.length > 1
          ? new Promise<Baseline | undefined>((resolve) => {
              share = resolve;
            })
          : undefined;
      const agentsDone: Promise<void>[] = [];
      const started = wave.taskIds.map((taskId, position) => {
        let onAgentDone: () => void = () => undefined;
        agentsDone.push(
          new Promise<void>((resolve) => {
            onAgentDone = resolve;
          }),
        );
        const run = () =>
          runInWorktree(wave.index, taskId, base, {
            baseline,
            startsAfter: accepted ?? (position > 0 ? shared : undefined),
            deliver,
            ahead,
            onAgentDone,
            ...(position === 0 && share ? { onBaseline: share } : {}),
          });
        // Started ahead, the first N go at once without an agent slot (the wave before still holds them,
        // and may need them for a repair round): they take theirs once confirmed. The others wait for that.
        if (accepted === undefined) return agentLimit(run);
        return position < agents ? run() : accepted.then(() => agentLimit(run));
      });
      // Each is awaited in plan order; one that fails while an earlier one is awaited is not unhandled.
      const finished: (WorktreeRun | undefined)[] = started.map(() => undefined);
      started.forEach((promise, index) => {
        promise.then(
          (run) => {
            finished[index] = run;
          },
          () => undefined,
        );
      });
      return { base, started, finished, agentsDone: Promise.all(agentsDone) };
    };

    const startAhead = (wave: PlannedWave, applied: string, candidate: string): AheadWave =>
      startWaveAhead({
        wave,
        candidate,
        base: () => nextBase(repository, folder.name, applied, candidate, `specwright: wave ${wave.index} base`),
        start: (base, accepted, deliver) => startWave(wave, base, undefined, deliver, accepted),
        baselineOf: knownBaseline,
        agents,
        agentLimit,
        emit,
        markStarted: (taskId) => setStatus(taskId, "in-progress"),
        close: closeWorktrees,
      });

    const finishTask = async (run: WorktreeRun, wave: number, merged: boolean) => {
      const outcome = run.outcome;
      outcomes.push({ ...outcome, wave, worktree: fromRoot(root, run.path) });
      await setStatus(run.taskId, merged && outcome.status === "done" ? "done" : "todo");
      pending.delete(run.taskId);
      await recordReview(root, folder.path, outcome, records.runId);
      if (merged && outcome.status === "done") await completeParents(tasksFile, run.taskId, setStatus, emit);
      const task = planned.plan.tasks.find((candidate) => candidate.id === run.taskId);
      if (task) await recordTaskRun(metaFile, task, outcome, records.runId, emit);
    };

    const closeWorktrees = async (runs: readonly WorktreeRun[]) => {
      await worktreeAdmin(() => removeWorktrees(repository, runs));
      for (const run of runs) active.delete(run.path);
    };

    // The next wave, started before this one ends (see `startAhead`).
    let ahead: AheadWave | undefined;
    // Read through a function: it is set from callbacks, which the compiler's narrowing does not see.
    const aheadNow = (): AheadWave | undefined => ahead;
    const cancelAhead = async () => {
      const cancelled = ahead;
      ahead = undefined;
      await cancelled?.cancel();
    };
    // Worktrees of a wave whose next one started ahead: removed when that one ends, for the same reason.
    let closeLater: WorktreeRun[] = [];
    for (const [position, wave] of planned.waves.entries()) {
      if (options.abortSignal?.aborted) {
        stoppedEarly = "The run was interrupted.";
        break;
      }
      const startedAhead = ahead?.wave === wave.index ? await ahead.confirm() : undefined;
      ahead = undefined;
      let current: StartedWave;
      if (startedAhead !== undefined) {
        current = startedAhead;
      } else {
        const base = await baseCommit(repository, `specwright: wave ${wave.index} base`);
        emit({ type: "wave-start", wave: wave.index, taskIds: wave.taskIds, base });
        current = startWave(wave, base, await knownBaseline(base), emit);
      }
      const { base, started, finished } = current;
      const following = planned.waves[position + 1];
      // A task that failed, or a merge that conflicted or failed its tests: the wave will not end with the
      // work the next one would start on.
      let departed = false;
      let merged = base;
      // What the main working tree holds of the wave: each write there is the change since.
      let applied = base;
      const writeMerged = async (to: string) => {
        await applyToMainTree(repository, folder.name, applied, to);
        applied = to;
      };
      const record = { merged: [] as { taskId: string; result: WaveMergeResult }[], rerun: [] as string[] };
      const done: string[] = [];
      // Worktrees are removed once every task of the wave is finished: git reading the worktree list (in
      // a task still committing its work) fails on one being removed at that moment.
      const closing: WorktreeRun[] = [...closeLater];
      closeLater = [];
      // The merge that completes the wave, when every task before it merged: the next wave may start on it
      // while its tests run.
      const aheadOn = (last: boolean) =>
        last && following !== undefined && !departed && !options.abortSignal?.aborted
          ? (candidate: string) => {
              const early = aheadNow();
              if (early === undefined) {
                ahead = startAhead(following, applied, candidate);
                return;
              }
              // Started early on work this merge does not hold (a repair round, a file written after the
              // checkpoint): started again, on this merge.
              replacing = (async () => {
                if (await services.sameWork({ root, spec: folder.name, from: early.candidate, to: candidate })) return;
                if (aheadNow() !== early) return;
                await cancelAhead();
                if (aheadNow() === undefined && !departed && !options.abortSignal?.aborted)
                  ahead = startAhead(following, applied, candidate);
              })();
              replacing.catch(() => undefined);
            }
          : undefined;
      let replacing: Promise<void> | undefined;
      const accept = async (
        run: WorktreeRun,
        commit: string,
        result: WaveMergeResult,
        testCount: TestCount | undefined,
        testedTogether?: readonly string[],
      ) => {
        emit({
          type: "wave-merge",
          wave: wave.index,
          taskId: run.taskId,
          result,
          commit,
          ...(testedTogether ? { testedTogether } : {}),
        });
        record.merged.push({ taskId: run.taskId, result });
        merged = commit;
        lastVerified = { commit, testCount };
        // Tasks merged together are written at once, before any of them is marked done.
        if (testedTogether === undefined) await writeMerged(merged);
        await finishTask(run, wave.index, true);
        done.push(run.taskId);
        closing.push(run);
      };
      // The next wave may start as soon as every agent of this one is done, on the merge of their work as
      // their tests see it (each task's commit, or its last "after" checkpoint while its tests run): its
      // first model turns then overlap this wave's tests. It stands only if this wave ends with that work.
      const startingEarly =
        following === undefined
          ? undefined
          : current.agentsDone.then(async () => {
              const open = () => ahead === undefined && !departed && !options.abortSignal?.aborted;
              if (!open()) return;
              const candidate = await mergedWork(
                repository,
                folder.name,
                base,
                wave.taskIds.map((taskId, index) => {
                  const run = finished[index];
                  return run !== undefined
                    ? { taskId, commit: run.commit }
                    : { taskId, after: afterCheckpoints.get(taskId) };
                }),
              );
              if (candidate !== undefined && open()) ahead = startAhead(following, applied, candidate);
            });
      startingEarly?.catch(() => undefined);
      let batching = true;
      // A task merges as soon as it and the tasks before it in plan order are done: its merge (and the
      // merged tree's tests) overlap with the agents still at work, instead of waiting for the slowest.
      for (let index = 0; index < started.length; index++) {
        const run = await (started[index] as Promise<WorktreeRun>).catch(async (error: unknown) => {
          await Promise.allSettled(started);
          throw error;
        });
        if (run.commit === undefined) {
          departed = true;
          await cancelAhead();
          await finishTask(run, wave.index, false);
          closing.push(run);
          continue;
        }
        // With one test run at a time, the merged tree's tests would wait behind those of the next tasks
        // whose agents are done: those tasks are waited for, so that they merge with it in one test run.
        if (batching && merged !== base && settings.verify?.parallel !== true) {
          for (let next = index + 1; next < started.length; next++) {
            const leaving = settling.get(wave.taskIds[next] ?? "")?.left;
            if (finished[next] === undefined && leaving === undefined) break;
            await Promise.race([(started[next] as Promise<WorktreeRun>).catch(() => undefined), leaving]);
            if (finished[next]?.commit === undefined) break;
          }
        }
        // The tasks after it that are done too merge with it, and one test run covers them all.
        const ready = [run];
        while (ready.length < started.length - index && finished[index + ready.length]?.commit !== undefined) {
          ready.push(finished[index + ready.length] as WorktreeRun);
        }
        if (batching && merged !== base && ready.length > 1) {
          const onMerged = aheadOn(index + ready.length === started.length && done.length === index);
          const batch = await mergeBatch({
            repository,
            merged,
            tasks: ready.map((task) => ({ taskId: task.taskId, commit: task.commit ?? "", path: task.path })),
            services,
            settings,
            signal: options.abortSignal,
            ...(onMerged ? { onMerged } : {}),
          });
          if (batch.ok) {
            await writeMerged(batch.commits.at(-1) ?? merged);
            for (const [offset, task] of ready.entries()) {
              const last = offset === ready.length - 1;
              const together = ready.map((other) => other.taskId);
              await accept(task, batch.commits[offset] ?? "", "merged", last ? batch.testCount : undefined, together);
            }
            index += ready.length - 1;
            continue;
          }
          departed = true;
          await cancelAhead();
          // One of them conflicts or breaks the tests: one at a time from here, each tested, finds which.
          batching = false;
        }
        const onMerged = aheadOn(index === started.length - 1 && done.length === index);
        const result = await mergeInto(
          repository,
          merged,
          base,
          run,
          services,
          settings,
          options.abortSignal,
          onMerged,
        );
        if (result.commit !== undefined) {
          const testCount = result.result === "fast-forward" ? run.outcome.verification?.testCount : result.testCount;
          await accept(run, result.commit, result.result, testCount);
          continue;
        }
        departed = true;
        await cancelAhead();
        emit({ type: "wave-merge", wave: wave.index, taskId: run.taskId, result: result.result });
        record.merged.push({ taskId: run.taskId, result: result.result });
        record.rerun.push(run.taskId);
        emit({ type: "wave-rerun", wave: wave.index, taskId: run.taskId, reason: result.result });
        closing.push(run);
      }
      await Promise.allSettled(started);
      await startingEarly?.catch(() => undefined);
      await replacing?.catch(() => undefined);
      // A wave started ahead on work this one did not end with does not stand.
      const standing = aheadNow();
      if (
        standing !== undefined &&
        (departed || !(await services.sameWork({ root, spec: folder.name, from: standing.candidate, to: merged })))
      )
        await cancelAhead();
      if (aheadNow() === undefined) await closeWorktrees(closing);
      else closeLater = closing;
      // Sent back: each alone, on the tree the wave merged so far (a wave of one, fast-forwarded).
      for (const taskId of record.rerun) {
        if (options.abortSignal?.aborted) break;
        const rerunBase = await baseCommit(repository, `specwright: task ${taskId} re-run base`);
        const rerunBaseline = await knownBaseline(rerunBase);
        const run = await agentLimit(() =>
          runInWorktree(wave.index, taskId, rerunBase, {
            baseline: rerunBaseline,
            deliver: emit,
            ahead: false,
            onAgentDone: () => undefined,
          }),
        );
        if (run.commit !== undefined) {
          lastVerified = { commit: run.commit, testCount: run.outcome.verification?.testCount };
          emit({ type: "wave-merge", wave: wave.index, taskId, result: "fast-forward", commit: run.commit });
          await applyToMainTree(repository, folder.name, rerunBase, run.commit);
          done.push(taskId);
        }
        await finishTask(run, wave.index, run.commit !== undefined);
        await closeWorktrees([run]);
      }
      waves.push({
        index: wave.index,
        taskIds: wave.taskIds,
        worktrees: Object.fromEntries(
          wave.taskIds.map((id) => [id, fromRoot(root, join(folderOfWorktrees, `${records.runId}-${id}`))]),
        ),
        merged: record.merged,
        rerun: record.rerun,
      });
      emit({ type: "wave-end", wave: wave.index, done, rerun: record.rerun });
      const failed = outcomes.filter((outcome) => outcome.wave === wave.index && outcome.status !== "done");
      if (failed.length > 0 && options.continueOnFailure !== true) {
        const first = failed[0];
        stoppedEarly = first?.error?.message ?? `Task ${first?.taskId ?? ""} failed verification.`;
        break;
      }
    }
    await cancelAhead();
    await closeWorktrees(closeLater);
    await releasePending(pending, setStatus);
    const summary: WaveRunSummary = {
      runId: records.runId,
      spec: folder.name,
      mode: "autopilot",
      startedAt,
      finishedAt: new Date().toISOString(),
      tasks: outcomes,
      skipped: planned.plan.skipped,
      totals: options.session.totals(),
      stoppedEarly,
      sandboxBlocked: outcomes.reduce((total, outcome) => total + outcome.sandboxBlocked, 0),
      ok: stoppedEarly === undefined && outcomes.every((outcome) => outcome.status === "done"),
      parallel: options.parallel,
      waves,
    };
    emit({ type: "run-end", summary });
    await records.writeSummary(summary);
    return {
      root,
      summary,
      records: { log: fromRoot(root, records.paths.log), summary: fromRoot(root, records.paths.summary) },
    };
  } finally {
    // However the run ends (Ctrl-C, a failure), no worktree of it stays and no task stays marked as started.
    const left = [...active].map(([path, branch]) => ({ path, branch }));
    await worktreeAdmin(() => removeWorktrees(repository, left)).catch(() => undefined);
    await releasePending(pending, setStatus).catch(() => undefined);
    await lock.release().catch(() => undefined);
  }
}

/**
 * The services with the first verification's count told to `report`: a task with no baseline runs the
 * tests on its starting tree (the base) before its agent acts, so that first run is the base's baseline.
 */
function reportingFirstVerification(
  services: RunnerServices,
  base: string,
  report: (baseline: Baseline) => void,
): RunnerServices {
  let reported = false;
  return {
    ...services,
    verify: async (verifyOptions) => {
      const result = await services.verify(verifyOptions);
      if (!reported) report({ commit: base, testCount: result.testCount });
      reported = true;
      return result;
    },
  };
}

function notRun(taskId: string, reason: string | undefined): TaskOutcome {
  const now = new Date().toISOString();
  return {
    taskId,
    title: taskId,
    status: "failed",
    startedAt: now,
    finishedAt: now,
    steps: 0,
    repairRounds: 0,
    verification: undefined,
    files: [],
    usage: { inputTokens: 0, outputTokens: 0 },
    openQuestions: [],
    error: { code: "not-run", message: reason ?? `Task ${taskId} did not run.`, fix: "Run the task again." },
    checkpoints: { before: undefined, after: undefined },
    sandboxBlocked: 0,
  };
}

function fromRoot(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}
