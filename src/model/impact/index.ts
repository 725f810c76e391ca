export { type DocumentChanges, diffDesignSections, diffTaskList } from "./document-changes.js";
export { summarizeImpact } from "./impact-summary.js";
export {
  type CriterionChange,
  type CriterionChangeKind,
  diffRequirements,
  type GlossaryChange,
  type RequirementChange,
  type RequirementsDiff,
} from "./requirements-diff.js";
export {
  analyzeImpact,
  type CriterionImpact,
  type ImpactedTaskLink,
  type ImpactInput,
  type SpecImpactAnalysis,
  type TaskImpact,
} from "./spec-impact.js";
export { requirementOf, taskCriteriaIn } from "./task-criteria.js";
