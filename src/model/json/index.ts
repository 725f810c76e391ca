export type { JsonPath } from "./json-path.js";
export {
  findJsonPath,
  type JsonLocationTarget,
  type JsonPathMatch,
  jsonPathLocation,
} from "./json-path-location.js";
export { type JsonNode, type JsonParseOptions, type JsonText, jsonNodeValue, parseJsonText } from "./parse-json.js";
export { type JsonDocument, parseJsonDocument } from "./parse-json-document.js";
export { formatJsonPath, type ZodDiagnosticOptions, zodIssuePath, zodIssuesToDiagnostics } from "./zod-diagnostics.js";
