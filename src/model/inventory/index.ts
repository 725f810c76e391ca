export {
  chooseTestCommand,
  TEST_COMMAND_TEXT_FILES,
  type TestCommandEvidence,
} from "./choose-test-command.js";
export type { DetectedCommand } from "./detected-command.js";
export type { DependencyEcosystem, InstalledDependency, LockfileReading } from "./installed-dependency.js";
export { manifestDependencyNames } from "./manifest-dependency-names.js";
export type { ExportedName, ExportKind, ModuleExports } from "./module-exports.js";
export { parseCargoLock, parseGoModRequires } from "./parse-go-and-cargo.js";
export { parsePackageLock } from "./parse-package-lock.js";
export { parsePnpmLock } from "./parse-pnpm-lock.js";
export {
  normalizePythonName,
  parsePipfileLock,
  parsePoetryLock,
  parseRequirementsTxt,
  parseUvLock,
} from "./parse-python-locks.js";
export { parseYarnLock } from "./parse-yarn-lock.js";
export { isRequirementsFile, LOCKFILE_KINDS, manifestOfLockfile, readLockfile } from "./read-lockfile.js";
export {
  EXISTING_MODULES_HEADING,
  INSTALLED_DEPENDENCIES_HEADING,
  type RenderedText,
  type RenderInventoryOptions,
  renderInventory,
} from "./render-inventory.js";
export { type MapFile, renderRepositoryMap } from "./render-repository-map.js";
export type { RepositoryInventory } from "./repository-inventory.js";
export { hasExportScanner, isTestFileName, MAX_EXPORTS_PER_FILE, scanModuleExports } from "./scan-module-exports.js";
