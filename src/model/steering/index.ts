export { type FileReference, findFileReferences } from "./file-references.js";
export {
  type FrontMatter,
  type FrontMatterField,
  type FrontMatterResult,
  parseFrontMatter,
  type YamlNode,
} from "./front-matter.js";
export { parseSteering, type SteeringDocument, type SteeringPattern, type SteeringValue } from "./parse-steering.js";
export {
  isSteeringInclusionMode,
  STEERING_INCLUSION_MODES,
  type SteeringInclusionMode,
  suggestInclusionFix,
} from "./steering-inclusion.js";
