export {
  type BuildRepositoryInventoryOptions,
  buildRepositoryInventory,
  DEFAULT_INVENTORY_MAX_CHARS,
  DEFAULT_INVENTORY_MAX_FILES,
} from "./build-repository-inventory.js";
export { type BuildRepositoryMapOptions, buildRepositoryMap, type RepositoryMap } from "./build-repository-map.js";
export { detectTestCommand, gatherTestCommandEvidence } from "./detect-test-command.js";
