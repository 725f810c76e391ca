import type { ToolSet } from "ai";
import type { DetectedCommand } from "../../model/inventory/detected-command.js";
import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import type { AskCommand, AskUser, UserQuestion } from "../agent-tools/agent-tool-context.js";
import type { SteeringInputs } from "../context/read-steering-inputs.js";
import type { CommandSandbox } from "../sandbox/command-sandbox.js";
import type { IntegrityReport } from "../verification-integrity/integrity-types.js";
import type {
  FinishIntegrityOptions,
  IntegrityWatch,
  StartIntegrityWatchOptions,
} from "../verification-integrity/task-integrity.js";
import type { RunFileChange, VerificationRecord } from "./run-summary.js";

/** One file in a supervised pause: its path and its unified diff against the task's starting point. */
export interface ReviewFileDiff {
  readonly path: string;
  readonly change: "created" | "modified" | "deleted";
  readonly diff: string;
}

/**
 * What the runner needs from the rest of the engine: checkpoints (git), context assembly, the agent's tools
 * and verification. Behind one interface so the loop is testable on its own and each part is built by its
 * own module; `createRunnerServices` wires the real ones.
 */
export interface RunnerServices {
  /** Refuses (EngineError) outside a git repository, with the command that fixes it. */
  requireGitRepository(root: string): Promise<void>;
  createCheckpoint(options: {
    readonly root: string;
    readonly spec: string;
    readonly taskId: string;
    readonly stage: "before" | "after";
    /** An "after" checkpoint's parent: the task's "before" checkpoint, which the caller holds. */
    readonly parent?: string;
  }): Promise<string>;
  /** The task's stored before checkpoint, if it has one (a run that was interrupted while on it). */
  storedBeforeCheckpoint(options: {
    readonly root: string;
    readonly spec: string;
    readonly taskId: string;
  }): Promise<string | undefined>;
  /** Files changed between the task's before and after checkpoints, with lines added and removed. */
  taskChanges(options: {
    readonly root: string;
    readonly spec: string;
    readonly taskId: string;
  }): Promise<readonly RunFileChange[]>;
  /** The working tree against a checkpoint commit, file by file (the spec's runner bookkeeping left out). */
  workingTreeDiffSince(options: {
    readonly root: string;
    readonly commit: string;
    readonly spec?: string;
  }): Promise<readonly ReviewFileDiff[]>;
  /** The working tree now as a git tree id (stored nowhere): the state a supervised review accepted. */
  snapshotWorkingTree(root: string): Promise<string>;
  /** Puts these files back as they were in the commit or tree (deleting the ones it did not have). */
  restorePaths(options: {
    readonly root: string;
    readonly commit: string;
    readonly paths: readonly string[];
  }): Promise<void>;
  /** The task's context for the model: steering, the task, its criteria and design sections, a repository map. */
  buildContext(options: {
    readonly root: string;
    readonly spec: string;
    readonly taskId: string;
    readonly maxChars: number;
    /** The steering the run started with; read from disk when absent. */
    readonly steering?: SteeringInputs;
  }): Promise<string>;
  /** The steering in force, read once when a run starts. */
  readSteering(root: string): Promise<SteeringInputs>;
  createTools(options: {
    readonly root: string;
    readonly settings: SpecwrightSettings;
    /** Answers a command the settings say to ask about; without it such commands are refused. */
    readonly askCommand?: AskCommand;
    readonly askUser?: AskUser;
    readonly answers?: ReadonlyMap<string, string>;
    readonly onQuestionPending?: (question: UserQuestion) => void;
  }): ToolSet;
  /** The sandbox the agent's commands and the tests run in; absent: the runner does not check (tests). */
  commandSandbox?(settings: SpecwrightSettings): Promise<CommandSandbox>;
  /**
   * The test command in force, chosen once when a run starts (the run's settings `verify.command`, else the
   * project's own); refuses (`no-test-command`) when there is none.
   */
  resolveVerificationCommand(options: {
    readonly root: string;
    readonly settings: SpecwrightSettings;
  }): Promise<DetectedCommand>;
  /** Runs the project's tests: `command` (the one in force), else settings `verify`, else the detected command. */
  verify(options: {
    readonly root: string;
    readonly settings: SpecwrightSettings;
    readonly command?: string;
    readonly signal?: AbortSignal;
  }): Promise<VerificationRecord>;
  /** Records the verification baseline and `.git/` metadata at the task's before checkpoint. */
  startIntegrityWatch(options: StartIntegrityWatchOptions): Promise<IntegrityWatch>;
  /** `.git/` files changed since the watch started, put back as they were; their paths. */
  guardGitMetadata(watch: IntegrityWatch): Promise<readonly string[]>;
  /** Whether the task weakened its verification or changed what steers the run. */
  finishIntegrity(options: FinishIntegrityOptions): Promise<IntegrityReport>;
  /** Whether the trees of two commits differ in anything but the spec's runner bookkeeping. */
  sameWork(options: {
    readonly root: string;
    readonly spec: string;
    readonly from: string;
    readonly to: string;
  }): Promise<boolean>;
}
