import { createHash } from "node:crypto";
import type { DetectedCommand } from "../../model/inventory/detected-command.js";
import { diffTrees } from "../../workspace/git/diff-trees.js";
import {
  changedGitMetadata,
  type GitMetadata,
  readGitMetadata,
  restoreGitMetadata,
  writeGitMetadataRecord,
} from "../../workspace/git/git-metadata.js";
import type { GitRepository } from "../../workspace/git/git-repository.js";
import { listTree, readTreeFile } from "../../workspace/git/list-tree.js";
import { requireGitRepository } from "../checkpoints/require-git-repository.js";
import { isRunnerBookkeeping } from "../checkpoints/runner-bookkeeping.js";
import { analyzeVerificationIntegrity } from "./analyze-verification-integrity.js";
import type { ChangedFileContent, IntegrityReport, RunControlFile, VerificationBaseline } from "./integrity-types.js";
import type { TestCount } from "./test-count.js";
import { isTestConfigurationFile, isTestFile, runControlKind } from "./test-file-kinds.js";

/** Test and configuration files bigger than this are compared by hash only: no test file is a megabyte of asserts. */
const MAX_COMPARED_BYTES = 1024 * 1024;

/** What a task's verification is compared with afterwards: the baseline, and `.git/` as it was. */
export interface IntegrityWatch {
  readonly repository: GitRepository;
  readonly spec: string;
  readonly taskId: string;
  readonly beforeTree: string;
  readonly baseline: VerificationBaseline;
  readonly gitMetadata: GitMetadata;
}

export interface StartIntegrityWatchOptions {
  readonly root: string;
  readonly spec: string;
  readonly taskId: string;
  readonly beforeCommit: string;
  readonly command: DetectedCommand;
  readonly testCount: TestCount | undefined;
}

export interface FinishIntegrityOptions {
  readonly watch: IntegrityWatch;
  readonly spec: string;
  readonly afterCommit: string;
  readonly testCountAfter: TestCount | undefined;
  readonly gitMetadataChanged: readonly string[];
  readonly testable: boolean;
}

/**
 * Records what verification means before a task (from its before checkpoint) and `.git/` metadata as it
 * is, keeping a copy of the latter inside `.git/` so `revert` can put it back.
 */
export async function startIntegrityWatch(options: StartIntegrityWatchOptions): Promise<IntegrityWatch> {
  const repository = await requireGitRepository(options.root);
  const gitMetadata = await readGitMetadata(repository);
  await writeGitMetadataRecord(repository, options.spec, options.taskId, { before: gitMetadata, changedByTask: [] });
  return {
    repository,
    spec: options.spec,
    taskId: options.taskId,
    beforeTree: options.beforeCommit,
    gitMetadata,
    baseline: await baselineAt(repository, options.beforeCommit, options.command, options.testCount),
  };
}

/** The verification baseline of a checkpoint: the command, and its test and test configuration files with their hashes. */
export async function baselineAt(
  repository: GitRepository,
  commit: string,
  command: DetectedCommand,
  testCount?: TestCount,
): Promise<VerificationBaseline> {
  const blobs = [...(await listTree(repository, commit)).values()].filter((entry) => entry.type === "blob");
  return {
    command: command.command,
    source: command.source,
    testFiles: blobs.filter((entry) => isTestFile(entry.path)).map(({ path, object }) => ({ path, object })),
    configurationFiles: blobs
      .filter((entry) => isTestConfigurationFile(entry.path))
      .map(({ path, object }) => ({ path, object })),
    testCount,
  };
}

/**
 * `.git/` files the task changed (under a sandbox it cannot; this is for when it did anyway), put back as
 * they were before anything else runs git. Returns the paths that had changed.
 */
export async function guardGitMetadata(watch: IntegrityWatch): Promise<string[]> {
  const changed = changedGitMetadata(watch.gitMetadata, await readGitMetadata(watch.repository));
  if (changed.length === 0) return changed;
  // Recorded first: should the restore be cut short, `revert` knows what to put back.
  await writeGitMetadataRecord(watch.repository, watch.spec, watch.taskId, {
    before: watch.gitMetadata,
    changedByTask: changed,
  });
  await restoreGitMetadata(watch.repository, watch.gitMetadata, changed);
  return changed;
}

/** The verdict on the task's verification, from its before and after checkpoints and the count after it. */
export async function finishIntegrity(options: FinishIntegrityOptions): Promise<IntegrityReport> {
  const { watch } = options;
  const { repository } = watch;
  const preExisting = new Set(watch.baseline.testFiles.map((file) => file.path));
  const changes: ChangedFileContent[] = [];
  for (const change of await diffTrees(repository, watch.beforeTree, options.afterCommit)) {
    if (isRunnerBookkeeping(change.path, repository.prefix, options.spec)) continue;
    const wanted =
      preExisting.has(change.path) ||
      isTestFile(change.path) ||
      isTestConfigurationFile(change.path) ||
      runControlKind(change.path, repository.prefix) !== undefined ||
      change.path.endsWith(".rs");
    const read = async (treeish: string) =>
      (await readTreeFile(repository, treeish, change.path, MAX_COMPARED_BYTES))?.toString("utf8");
    const before = wanted && change.kind !== "added" ? await read(watch.beforeTree) : undefined;
    const after = wanted && change.kind !== "deleted" ? await read(options.afterCommit) : undefined;
    changes.push({
      path: change.path,
      kind: change.kind,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    });
  }
  const report = analyzeVerificationIntegrity({
    baseline: watch.baseline,
    changes,
    testCountAfter: options.testCountAfter,
    gitMetadataChanged: options.gitMetadataChanged,
    prefix: repository.prefix,
    testable: options.testable,
  });
  const runControlFiles: RunControlFile[] = [];
  for (const change of changes) {
    if (runControlKind(change.path, repository.prefix) === undefined) continue;
    const bytes =
      change.kind === "deleted"
        ? undefined
        : await readTreeFile(repository, options.afterCommit, change.path, Infinity);
    runControlFiles.push({
      path: change.path.slice(repository.prefix.length),
      sha256: bytes === undefined ? null : createHash("sha256").update(bytes).digest("hex"),
    });
  }
  return runControlFiles.length > 0 ? { ...report, runControlFiles } : report;
}
