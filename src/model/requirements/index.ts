export { parseRequirements } from "./parse-requirements.js";
export { parseRequirementHeading, type RequirementHeading } from "./requirement-heading.js";
export type {
  Criterion,
  DocumentSection,
  GlossaryTerm,
  Requirement,
  RequirementsDocument,
  UserStory,
} from "./requirements-types.js";
