/**
 * Specwright as a library: the model (pure parsers and edits), the rules, the workspace (file I/O) and
 * the engine (the operations behind each command). The CLI is not part of it.
 */

export * from "./engine/agent-tools/index.js";
export * from "./engine/approvals/index.js";
export { type AuthorDocumentOptions, authorDocument } from "./engine/authoring/author-document.js";
export type { AuthoredDocument } from "./engine/authoring/authored-document.js";
export type { AuthoringContextSources } from "./engine/authoring/authoring-context-sources.js";
export type { AuthoringEvent } from "./engine/authoring/authoring-event.js";
export type { AuthoringOptions } from "./engine/authoring/authoring-options.js";
export {
  type CandidateCheck,
  type CandidateDocumentOptions,
  checkCandidateDocument,
} from "./engine/authoring/check-candidate-document.js";
export type { Clarification, ClarifyingQuestion } from "./engine/authoring/clarifying-question.js";
export {
  type NewSpecWithModelOptions,
  type NewSpecWithModelResult,
  newSpecWithModel,
} from "./engine/authoring/new-spec-with-model.js";
export {
  applyRefinement,
  type RefineDocumentOptions,
  type RefinementOutcome,
  type RefinementProposal,
  refineDocument,
} from "./engine/authoring/refine-document.js";
export { SPEC_DOCUMENT_KINDS, type SpecDocumentKind } from "./engine/authoring/spec-document-kind.js";
export {
  type WriteSpecDocumentOptions,
  type WrittenSpecDocument,
  writeSpecDocument,
} from "./engine/authoring/write-spec-document.js";
export { type CheckSession, type CheckUpdate, openCheckSession } from "./engine/check/check-session.js";
export { runCheck } from "./engine/check/run-check.js";
export * from "./engine/checkpoints/index.js";
export {
  type WriteGithubWorkflowsOptions,
  type WrittenWorkflow,
  writeGithubWorkflows,
} from "./engine/ci/write-github-workflows.js";
export * from "./engine/context/index.js";
export { type DoctorReport, runDoctor } from "./engine/doctor/run-doctor.js";
export { EngineError } from "./engine/errors/engine-error.js";
export { exportSpec } from "./engine/export/export-spec.js";
export { type HookFileProblem, type HookList, type HookSummary, listHooks } from "./engine/hooks/list-hooks.js";
export * from "./engine/inventory/index.js";
export * from "./engine/llm/index.js";
export * from "./engine/runner/index.js";
export { type CommandSandbox, resolveCommandSandbox } from "./engine/sandbox/command-sandbox.js";
export { getStatus } from "./engine/status/spec-status.js";
export * from "./engine/steering-generation/index.js";
export * from "./engine/task-order/index.js";
export * from "./engine/task-waves/index.js";
export { type CompletedTask, type CompleteTaskOptions, completeTask } from "./engine/tasks/complete-task.js";
export { updateTask } from "./engine/tasks/update-task.js";
export {
  DEFAULT_VERIFY_TIMEOUT_MS,
  type RunVerificationOptions,
  runVerification,
  type VerificationResult,
} from "./engine/verify/run-verification.js";
export { listSpecs } from "./engine/workspace-model/list-specs.js";
export { loadSpec } from "./engine/workspace-model/load-spec.js";
export { loadWorkspaceModel } from "./engine/workspace-model/load-workspace-model.js";
export * from "./model/index.js";
export * from "./model/inventory/index.js";
export { ALL_RULES } from "./rules/all-rules.js";
export { buildWorkspaceModel, type WorkspaceFileInput } from "./rules/build-workspace-model.js";
export type { CheckDiagnostic, CheckSummary } from "./rules/check-result.js";
export { defineRule, type Finding, type Rule } from "./rules/rule.js";
export { runRules } from "./rules/run-rules.js";
export { toSarif } from "./rules/sarif.js";
export { buildTraceMatrix, type TraceMatrix, type TraceRow } from "./rules/traceability/trace-matrix.js";
export type { LoadedFile, SpecModel, WorkspaceModel } from "./rules/workspace-model.js";
export * from "./workspace/index.js";
export {
  type RunShellCommandOptions,
  runShellCommand,
  type ShellCommandResult,
} from "./workspace/run-shell-command.js";
export * from "./workspace/sandbox/os-sandbox/index.js";
export { type PathRefusalCode, PathRefusedError } from "./workspace/sandbox/path-refused-error.js";
export { type PathAccess, resolveSafePath, type SafePath } from "./workspace/sandbox/safe-path.js";
export {
  isSecretEnvironmentName,
  SECRET_ENVIRONMENT_PATTERNS,
  scrubEnvironment,
} from "./workspace/sandbox/scrub-environment.js";
export { isSecretPath, SECRET_FILE_PATTERNS } from "./workspace/sandbox/secret-files.js";
export { OutputCollector, type TruncatedOutput, truncateOutput } from "./workspace/truncate-output.js";
export {
  appendUsageRecord,
  readUsageRecords,
  type UsageRecord,
  UsageRecordSchema,
  usageLogPath,
} from "./workspace/usage-log.js";
