import type { ToolSet } from "ai";
import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { readStoredCommit } from "../../workspace/git/checkpoint-commits.js";
import { diffPatch } from "../../workspace/git/diff-trees.js";
import { snapshotWorkingTree } from "../../workspace/git/snapshot-working-tree.js";
import { truncateOutput } from "../../workspace/truncate-output.js";
import type { AskCommand } from "../agent-tools/agent-tool-context.js";
import { checkpointRef } from "../checkpoints/checkpoint-ref.js";
import { createCheckpoint } from "../checkpoints/create-checkpoint.js";
import { requireGitRepository } from "../checkpoints/require-git-repository.js";
import { restorePaths } from "../checkpoints/restore-paths.js";
import { taskChanges, taskFileChanges } from "../checkpoints/task-changes.js";
import { workingTreeDiffSince } from "../checkpoints/working-tree-diff.js";
import { readSteeringInputs } from "../context/read-steering-inputs.js";
import { resolveCommandSandbox } from "../sandbox/command-sandbox.js";
import { finishIntegrity, guardGitMetadata, startIntegrityWatch } from "../verification-integrity/task-integrity.js";
import { parseTestCount } from "../verification-integrity/test-count.js";
import { resolveVerificationCommand, runVerification } from "../verify/run-verification.js";
import type { RunFileChange } from "./run-summary.js";
import type { ReviewFileDiff, RunnerServices } from "./runner-services.js";

/** What a verification failure shows the model, cut the one way every output is cut (head and tail kept). */
const VERIFICATION_FEEDBACK_BYTES = 8_000;

export interface RunnerServiceParts {
  readonly buildContext: RunnerServices["buildContext"];
  readonly createTools: (options: {
    readonly root: string;
    readonly settings: SpecwrightSettings;
    readonly askCommand?: AskCommand;
  }) => ToolSet;
}

/** The runner's services on the engine's real parts: git checkpoints, the agent's tools, verification. */
export function createRunnerServices(parts: RunnerServiceParts): RunnerServices {
  return {
    requireGitRepository: async (root) => {
      await requireGitRepository(root);
    },
    createCheckpoint: async (options) => (await createCheckpoint(options)).commit,
    storedBeforeCheckpoint: async ({ root, spec, taskId }) =>
      (await readStoredCommit(await requireGitRepository(root), checkpointRef(spec, taskId, "before")))?.commit,
    taskChanges: async (options) => (await taskChanges(options)).files.map(toRunFileChange),
    workingTreeDiffSince: async ({ root, commit, spec }) => {
      const changes = await workingTreeDiffSince({ root, commit, ...(spec ? { spec } : {}) });
      if (changes.length === 0) return [];
      // One snapshot of the tree now, then a patch per file against it.
      const repository = await requireGitRepository(root);
      const current = await snapshotWorkingTree(repository);
      const files: ReviewFileDiff[] = [];
      for (const change of changes) {
        files.push({
          path: change.path,
          change: toRunFileChange(change).change,
          diff: await diffPatch(repository, commit, current, [change.path]),
        });
      }
      return files;
    },
    snapshotWorkingTree: async (root) => snapshotWorkingTree(await requireGitRepository(root)),
    restorePaths: async (options) => {
      await restorePaths(options);
    },
    buildContext: parts.buildContext,
    readSteering: readSteeringInputs,
    createTools: parts.createTools,
    commandSandbox: (settings) => resolveCommandSandbox(settings),
    resolveVerificationCommand: ({ root, settings }) => resolveVerificationCommand(root, settings),
    verify: async ({ root, settings, command, signal }) => {
      const result = await runVerification({
        root,
        settings,
        ...(command !== undefined ? { command } : {}),
        ...(signal ? { signal } : {}),
      });
      const testCount = parseTestCount(result.output);
      return {
        ...(testCount !== undefined ? { testCount } : {}),
        command: result.command,
        passed: result.passed,
        exitCode: result.exitCode,
        durationMs: result.durationMs,
        outputTail: truncateOutput(
          result.timedOut ? `${result.output}\n(timed out)` : result.output,
          VERIFICATION_FEEDBACK_BYTES,
        ).text,
      };
    },
    startIntegrityWatch,
    guardGitMetadata,
    finishIntegrity,
    sameWork: async ({ root, spec, from, to }) =>
      (await taskFileChanges(await requireGitRepository(root), spec, from, to)).length === 0,
  };
}

function toRunFileChange(change: {
  readonly path: string;
  readonly kind: "added" | "modified" | "deleted";
  readonly linesAdded: number;
  readonly linesRemoved: number;
}): RunFileChange {
  return {
    path: change.path,
    change: change.kind === "added" ? "created" : change.kind,
    linesAdded: change.linesAdded,
    linesRemoved: change.linesRemoved,
  };
}
