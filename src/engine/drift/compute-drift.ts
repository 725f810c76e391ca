import { join } from "node:path";
import picomatch from "picomatch/posix.js";
import { parseSpecConfig } from "../../model/settings/parse-spec-config.js";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { fingerprintFiles } from "../../workspace/file-fingerprint.js";
import { type GitRepository, resolveCommit } from "../../workspace/git/git-repository.js";
import {
  type BlobChange,
  blobIdsAt,
  changedPaths,
  commitDates,
  commitsChangingPaths,
  listRefCommits,
  mergeBase,
  type RefCommit,
} from "../../workspace/git/history.js";
import { readTextIfReadable } from "../../workspace/read-text-if-readable.js";
import { listSpecFolders, type SpecFolder } from "../../workspace/spec-folders.js";
import { ResultCache } from "../check/result-cache.js";
import { CHECKPOINT_REF_PREFIX, specRefPrefix } from "../checkpoints/checkpoint-ref.js";
import { requireGitRepository } from "../checkpoints/require-git-repository.js";
import { isRunnerBookkeeping } from "../checkpoints/runner-bookkeeping.js";
import { EngineError } from "../errors/engine-error.js";
import { type FinishedTaskCheckpoints, groupFinished } from "../impact/task-code-files.js";
import { resolveSpecFolder } from "../workspace-model/resolve-spec.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import type { DriftedFile, DriftReport, TaskDrift, UnspecifiedChange } from "./drift-types.js";
import { cachedTaskChanges } from "./task-change-cache.js";

export interface DriftOptions extends WorkspaceOptions {
  /** One spec; default: every spec. */
  readonly spec?: string;
  /** A pull request's base (`origin/main`, `@{upstream}`): also report code changed since without a spec change. */
  readonly base?: string;
}

const SPEC_DOCUMENTS = ["requirements.md", "bugfix.md", "design.md", "tasks.md"];

/**
 * Code → spec drift, from the tasks' checkpoints and the history: each done task's files that a commit
 * changed again after the task was verified, and (with `base`) code a spec owns that changed in
 * `base..HEAD` while none of its documents did. Every task's files come from one git process.
 */
export async function computeDrift(options: DriftOptions): Promise<DriftReport> {
  const root = await resolveWorkspaceRoot(options);
  const repository = await requireGitRepository(root);
  const folders = await listSpecFolders(root);
  const selected = options.spec === undefined ? folders : [resolveSpecFolder(folders, options.spec)];
  // One spec without a base needs that spec's checkpoints only; a base needs every spec's to tell ownership.
  const prefix =
    options.spec !== undefined && options.base === undefined
      ? specRefPrefix(selected[0]?.name ?? "")
      : CHECKPOINT_REF_PREFIX;
  const finished = groupFinished(await listRefCommits(repository, prefix));
  const pairs = [...finished.values()].flatMap((tasks) =>
    [...tasks.values()].map((task) => ({ before: task.before.commit, after: task.after.commit })),
  );
  const changes = await cachedTaskChanges(root, repository, pairs);
  const codeChanges = (spec: string, task: FinishedTaskCheckpoints<RefCommit>): BlobChange[] =>
    (changes.get(task.after.commit) ?? []).filter(
      (change) =>
        !isRunnerBookkeeping(change.path, repository.prefix, spec) &&
        !change.path.startsWith(`${repository.prefix}.kiro/`),
    );

  const head = await resolveCommit(repository, "HEAD");
  const drifted: (Omit<TaskDrift, "verifiedAt"> & { readonly after: string })[] = [];
  if (head !== undefined) {
    const candidates: { folder: SpecFolder; task: DoneTask; checkpoints: FinishedTaskCheckpoints<RefCommit> }[] = [];
    const done = await doneTasksOf(
      root,
      selected.filter((folder) => finished.has(folder.name)),
    );
    for (const folder of selected) {
      const specTasks = finished.get(folder.name);
      for (const task of done.get(folder.name) ?? []) {
        const checkpoints = specTasks?.get(task.id);
        if (checkpoints) candidates.push({ folder, task, checkpoints });
      }
    }
    const atHead = await blobIdsAt(
      repository,
      head,
      candidates.flatMap(({ folder, checkpoints }) =>
        codeChanges(folder.name, checkpoints).map((change) => change.path),
      ),
    );
    // A file whose content at HEAD is still the task's result cannot have drifted: only the others need the log.
    const results = await Promise.all(
      candidates.map(async ({ folder, task, checkpoints }) => {
        const moved = codeChanges(folder.name, checkpoints).filter(
          (change) => (atHead.get(change.path) ?? ZERO) !== change.blobAfter,
        );
        const files = await driftedFiles(repository, head, checkpoints, moved);
        return files.length === 0
          ? undefined
          : { spec: folder.name, taskId: task.id, title: task.title, after: checkpoints.after.commit, files };
      }),
    );
    for (const result of results) if (result) drifted.push(result);
  }
  const dates = await commitDates(
    repository,
    drifted.map((task) => task.after),
  );
  const tasks: TaskDrift[] = drifted.map(({ after, ...task }) => ({ ...task, verifiedAt: dates.get(after) ?? "" }));
  const report = {
    root,
    repositoryRoot: repository.topLevel,
    specs: selected.map((folder) => folder.name),
    tasks,
    unspecified: [] as UnspecifiedChange[],
  };
  if (options.base === undefined) return report;
  const base = await resolveBase(repository, options.base, head);
  const changed = await changedPaths(repository, base.mergeBase, head ?? base.mergeBase);
  const unspecified: UnspecifiedChange[] = [];
  for (const folder of selected) {
    const specPrefix = `${repository.prefix}.kiro/specs/${folder.name}/`;
    if (changed.some((path) => path.startsWith(specPrefix) && SPEC_DOCUMENTS.includes(path.slice(specPrefix.length)))) {
      continue;
    }
    const touched = new Set(
      [...(finished.get(folder.name)?.values() ?? [])].flatMap((task) =>
        codeChanges(folder.name, task).map((change) => change.path),
      ),
    );
    const globs = ownedPaths(folder);
    const matches = globs.length > 0 ? picomatch(globs, { dot: true }) : undefined;
    const ownedBy = new Set<"tasks" | "paths">();
    const files = changed.filter((path) => {
      if (path.startsWith(`${repository.prefix}.kiro/`)) return false;
      const byTasks = touched.has(path);
      const byPaths =
        matches !== undefined && path.startsWith(repository.prefix) && matches(path.slice(repository.prefix.length));
      if (byTasks) ownedBy.add("tasks");
      if (byPaths) ownedBy.add("paths");
      return byTasks || byPaths;
    });
    if (files.length > 0) unspecified.push({ spec: folder.name, files, ownedBy: [...ownedBy].sort() });
  }
  return { ...report, base: { ref: options.base, ...base }, unspecified };
}

const ZERO = "0".repeat(40);

/** The task's changed files that a commit after its run set to other content, with those commits. */
async function driftedFiles(
  repository: GitRepository,
  head: string,
  checkpoints: FinishedTaskCheckpoints<RefCommit>,
  moved: readonly BlobChange[],
): Promise<DriftedFile[]> {
  if (moved.length === 0) return [];
  // Commits since the task started; a commit that wrote the task's own result (committing its work) is not drift.
  const commits = await commitsChangingPaths(
    repository,
    head,
    [checkpoints.before.commit],
    moved.map((change) => change.path),
  );
  const files: DriftedFile[] = [];
  for (const change of moved) {
    const touching = commits.filter((commit) => {
      const blob = commit.blobs.get(change.path);
      return blob !== undefined && blob !== change.blobAfter;
    });
    if (touching.length === 0) continue;
    files.push({
      path: change.path,
      commits: touching.map(({ commit, date, author, subject }) => ({ commit, date, author, subject })),
    });
  }
  return files;
}

interface DoneTask {
  readonly id: string;
  readonly title: string;
}

interface CachedDoneTasks {
  readonly fingerprint: string;
  readonly done: readonly DoneTask[];
}

/** The done tasks of each spec's tasks.md, parsed only when the file changed since the last run. */
async function doneTasksOf(root: string, folders: readonly SpecFolder[]): Promise<Map<string, readonly DoneTask[]>> {
  const cache = await ResultCache.open<CachedDoneTasks>(root, "done-tasks", "");
  const result = new Map<string, readonly DoneTask[]>();
  for (const folder of folders) {
    if (!folder.documents.includes("tasks.md")) continue;
    const path = join(folder.path, "tasks.md");
    const fingerprint = fingerprintFiles([path]);
    const hit = cache.lookup(folder.name, fingerprint);
    if (hit) {
      result.set(folder.name, hit.done);
      continue;
    }
    const text = readTextIfReadable(path);
    const done =
      text === undefined
        ? []
        : flattenTasks(parseTasks(text).tasks).flatMap((task) =>
            task.status === "done" && task.id !== undefined ? [{ id: task.id, title: task.title }] : [],
          );
    cache.store(folder.name, { fingerprint, done });
    result.set(folder.name, done);
  }
  await cache.save();
  return result;
}

/** The `paths` globs of the spec's `.config.kiro`, when it has some. */
function ownedPaths(folder: SpecFolder): string[] {
  if (!folder.documents.includes(".config.kiro")) return [];
  const text = readTextIfReadable(join(folder.path, ".config.kiro"));
  const paths = text === undefined ? undefined : parseSpecConfig(text).config?.paths;
  return Array.isArray(paths) ? paths.filter((path): path is string => typeof path === "string") : [];
}

async function resolveBase(
  repository: GitRepository,
  ref: string,
  head: string | undefined,
): Promise<{ commit: string; mergeBase: string }> {
  const commit = await resolveCommit(repository, ref);
  if (commit === undefined || head === undefined) {
    throw new EngineError({
      code: "unknown-base",
      kind: "usage",
      message:
        head === undefined
          ? "This repository has no commit yet: there is nothing to compare with a base."
          : `"${ref}" names no commit in this repository.`,
      fix: "Pass the pull request's base branch as git knows it, e.g. --base origin/main (in CI, fetch it first: `git fetch origin main`).",
    });
  }
  return { commit, mergeBase: (await mergeBase(repository, commit, head)) ?? commit };
}
