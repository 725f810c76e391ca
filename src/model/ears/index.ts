export { classifyEars } from "./classify-ears.js";
export {
  EARS_PATTERNS,
  type EarsClassification,
  type EarsClause,
  type EarsKeyword,
  type EarsPattern,
} from "./ears-classification.js";
