export {
  type GenerateSteeringOptions,
  generateSteering,
  STEERING_DRAFT_SUFFIX,
  type SteeringFileOutcome,
  type SteeringGenerationEvent,
  type SteeringGenerationResult,
} from "./generate-steering.js";
export { analyzeRepository, type RepositoryAnalysis, type RepositoryAnalysisLimits } from "./repository-analysis.js";
export { resolveSteeringRoot } from "./resolve-steering-root.js";
export {
  isSteeringDocumentName,
  STEERING_DOCUMENT_NAMES,
  STEERING_DOCUMENTS,
  type SteeringDocumentName,
} from "./steering-documents.js";
