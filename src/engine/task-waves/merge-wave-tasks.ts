import { join } from "node:path";
import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { commitTree } from "../../workspace/git/checkpoint-commits.js";
import type { GitRepository } from "../../workspace/git/git-repository.js";
import { checkoutDetached, mergeCommitTrees } from "../../workspace/git/worktrees.js";
import type { RunnerServices } from "../runner/runner-services.js";
import type { TestCount } from "../verification-integrity/test-count.js";
import type { WaveMergeResult } from "./wave-events.js";
import { taskWorkCommit } from "./wave-trees.js";

/** A verified task's work, ready to merge: its commit on the wave's base and its worktree. */
export interface ReadyTask {
  readonly taskId: string;
  readonly commit: string;
  readonly path: string;
}

export type BatchMerge =
  | { readonly ok: true; readonly commits: readonly string[]; readonly testCount?: TestCount }
  | { readonly ok: false };

/**
 * Several tasks that are all done merged at once: each three-way merged (no working tree touched) on the
 * one before, in plan order, and only the last tree tested, in the last task's worktree. Every tree on the
 * way is part of that last one, so one test run stands for all of them. Not ok on any conflict or when that
 * tree fails: the caller then merges the tasks one at a time, each tested, to find the one to send back.
 */
export async function mergeBatch(input: {
  readonly repository: GitRepository;
  readonly merged: string;
  readonly tasks: readonly ReadyTask[];
  readonly services: RunnerServices;
  readonly settings: SpecwrightSettings;
  readonly signal: AbortSignal | undefined;
  /** Told the last merge commit once it exists, before its tests run. */
  readonly onMerged?: (commit: string) => void;
}): Promise<BatchMerge> {
  const { repository, tasks } = input;
  const last = tasks.at(-1);
  if (last === undefined) return { ok: false };
  const commits = await mergeEach(repository, input.merged, tasks);
  const merged = commits?.at(-1);
  if (commits === undefined || merged === undefined) return { ok: false };
  input.onMerged?.(merged);
  await checkoutDetached(last.path, merged);
  const verification = await input.services.verify({
    root: join(last.path, repository.prefix),
    settings: input.settings,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  if (!verification.passed) return { ok: false };
  return { ok: true, commits, ...(verification.testCount ? { testCount: verification.testCount } : {}) };
}

/**
 * Each task's commit three-way merged on the one before, in plan order, from `merged` (no working tree
 * touched): the merge commits, or undefined on the first conflict.
 */
export async function mergeEach(
  repository: GitRepository,
  merged: string,
  tasks: readonly { readonly taskId: string; readonly commit: string }[],
): Promise<string[] | undefined> {
  const commits: string[] = [];
  let last = merged;
  for (const task of tasks) {
    const tree = await mergeCommitTrees(repository, last, task.commit);
    if (tree === undefined) return undefined;
    last = await commitTree(repository, tree, [last, task.commit], `specwright: merge task ${task.taskId}`);
    commits.push(last);
  }
  return commits;
}

/**
 * What a wave will end with, before it does: the merge in plan order of each task's work, its commit once
 * it has one, else its last "after" checkpoint (what its tests see) made a task commit. Undefined when a
 * task has neither (it failed, or its agent is not done) or the work conflicts.
 */
export async function mergedWork(
  repository: GitRepository,
  spec: string,
  base: string,
  tasks: readonly {
    readonly taskId: string;
    readonly commit?: string | undefined;
    readonly after?: string | undefined;
  }[],
): Promise<string | undefined> {
  const works = await Promise.all(
    tasks.map(async (task) => {
      if (task.commit !== undefined) return { taskId: task.taskId, commit: task.commit };
      if (task.after === undefined) return undefined;
      return { taskId: task.taskId, commit: await taskWorkCommit(repository, spec, base, task.after, task.taskId) };
    }),
  );
  const [first, ...rest] = works;
  if (first === undefined || rest.some((work) => work === undefined)) return undefined;
  const others = rest.flatMap((work) => (work === undefined ? [] : [work]));
  return others.length === 0 ? first.commit : (await mergeEach(repository, first.commit, others))?.at(-1);
}

/**
 * A verified task's commit on top of what the wave merged so far: a fast-forward when nothing was merged
 * yet; else a clean three-way merge that must pass the tests (run in the task's worktree, moved to it).
 */
export async function mergeInto(
  repository: GitRepository,
  merged: string,
  base: string,
  run: { readonly taskId: string; readonly commit: string | undefined; readonly path: string },
  services: RunnerServices,
  settings: SpecwrightSettings,
  signal: AbortSignal | undefined,
  onMerged?: (commit: string) => void,
): Promise<{ result: WaveMergeResult; commit?: string; testCount?: TestCount }> {
  const commit = run.commit ?? "";
  if (merged === base) return { result: "fast-forward", commit };
  const tree = await mergeCommitTrees(repository, merged, commit);
  if (tree === undefined) return { result: "conflict" };
  const mergeCommit = await commitTree(repository, tree, [merged, commit], `specwright: merge task ${run.taskId}`);
  onMerged?.(mergeCommit);
  await checkoutDetached(run.path, mergeCommit);
  const verification = await services.verify({
    root: join(run.path, repository.prefix),
    settings,
    ...(signal ? { signal } : {}),
  });
  if (!verification.passed) return { result: "verify-failed" };
  return {
    result: "merged",
    commit: mergeCommit,
    ...(verification.testCount ? { testCount: verification.testCount } : {}),
  };
}
