export { analyzeVerificationIntegrity, type IntegrityInput } from "./analyze-verification-integrity.js";
export type {
  ChangedFileContent,
  IntegrityFinding,
  IntegrityFindingCode,
  IntegrityReport,
  VerificationBaseline,
} from "./integrity-types.js";
export { testConfigurationOf } from "./test-configuration.js";
export { parseTestCount, type TestCount } from "./test-count.js";
export { isTestConfigurationFile, isTestFile, runControlKind } from "./test-file-kinds.js";
