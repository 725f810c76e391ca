export {
  assembleTaskContext,
  DEFAULT_TASK_CONTEXT_MAX_CHARS,
  type TaskContextInput,
} from "./assemble-task-context.js";
export { buildTaskContext } from "./build-task-context.js";
export { type ContextWorkspaceOptions, DEFAULT_STEERING_MAX_CHARS } from "./context-options.js";
export { type ContextReport, type ContextReportPart, renderContextReport } from "./context-report.js";
export { cutToSize } from "./cut-to-size.js";
export { filesNamedInText } from "./files-named-in-text.js";
export { loadSteeringContext } from "./load-steering-context.js";
export { type ContextCriterion, referencedCriteria, specCriteria } from "./referenced-criteria.js";
export { type SelectSteeringInput, selectSteering } from "./select-steering.js";
export { steeringForPath } from "./steering-for-path.js";
export type {
  ExcludedSteering,
  IncludedSteering,
  ReferencedFile,
  SteeringInput,
  SteeringProblem,
  SteeringSelection,
} from "./steering-selection.js";
export type { ContextDesignSection, ContextTask, TaskContext } from "./task-context-types.js";
