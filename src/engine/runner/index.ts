export { type ApprovalRequest, type ApprovalResponse, approvalPolicy, reviewFeedback } from "./approval.js";
export { createRunnerServices, type RunnerServiceParts } from "./create-runner-services.js";
export { createDefaultRunnerServices } from "./default-runner-services.js";
export {
  addExecutionHistoryEntry,
  type ExecutionHistoryEntry,
  executionHistoryKey,
  type PbtResult,
} from "./execution-history.js";
export { extractOpenQuestions } from "./open-questions.js";
export { interruptedTasks, parentsCompletedBy, planRun, type RunPlan, type RunSelection } from "./plan-run.js";
export { RUN_MODES, type RunEvent, type RunMode } from "./run-events.js";
export {
  DEFAULT_CONTEXT_MAX_CHARS,
  DEFAULT_MAX_STEPS,
  DEFAULT_REPAIR_ROUNDS,
  type InterruptedChoice,
  type InterruptedTask,
  type RunSpecTasksOptions,
  type RunSpecTasksResult,
  runSpecTasks,
} from "./run-spec-tasks.js";
export type { RunFileChange, RunSummary, TaskOutcome, VerificationRecord } from "./run-summary.js";
export type { ReviewFileDiff, RunnerServices } from "./runner-services.js";
