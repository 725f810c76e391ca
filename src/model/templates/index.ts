export { bugfixTemplate } from "./bugfix-template.js";
export { bugfixDesignTemplate, featureDesignTemplate } from "./design-template.js";
export {
  containsPlaceholder,
  findPlaceholders,
  PLACEHOLDER_OPENING,
  type PlaceholderMatch,
  placeholder,
} from "./placeholder.js";
export { productSteeringTemplate } from "./product-steering-template.js";
export type { CommandFact, LanguageFact, PackageManagerFact, RepositoryFacts } from "./repository-facts.js";
export { requirementsTemplate } from "./requirements-template.js";
export { specwrightSettingsTemplate } from "./settings-template.js";
export {
  NEW_SPEC_WORKFLOWS,
  type NewSpecWorkflow,
  type SpecTemplateOptions,
  specConfigTemplate,
  specTemplates,
  type TemplateFile,
} from "./spec-templates.js";
export { steeringTemplates } from "./steering-templates.js";
export { structureSteeringTemplate } from "./structure-steering-template.js";
export { bugfixTasksTemplate, featureTasksTemplate } from "./tasks-template.js";
export { techSteeringTemplate } from "./tech-steering-template.js";
