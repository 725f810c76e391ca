import type { DetectedCommand } from "./detected-command.js";
import type { LockfileReading } from "./installed-dependency.js";
import type { ModuleExports } from "./module-exports.js";

/** What a repository already has, for a model planning changes to it: the source of "reuse before adding". */
export interface RepositoryInventory {
  /** Lockfiles found, each with the packages it pins, in path order. */
  readonly lockfiles: readonly LockfileReading[];
  /** Source files with at least one export, in path order. */
  readonly modules: readonly ModuleExports[];
  /** The command that runs the tests, when one was found. */
  readonly testCommand?: DetectedCommand;
  /** Files the walk listed. */
  readonly filesSeen: number;
  /** Source files whose exports were read. */
  readonly filesScanned: number;
  /** Why the inventory is incomplete (a cap reached, a lockfile too large); empty when complete. */
  readonly notes: readonly string[];
}
