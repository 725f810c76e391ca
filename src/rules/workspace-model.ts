import type { BugfixDocument } from "../model/bugfix/index.js";
import type { DesignDocument } from "../model/design/index.js";
import type { HookFileDocument, LegacyHookDocument } from "../model/hooks/index.js";
import type { RequirementsDocument } from "../model/requirements/index.js";
import type { McpSettingsDocument, SpecConfigDocument, TasksMetaDocument } from "../model/settings/index.js";
import type { SpecwrightSettingsDocument } from "../model/settings/specwright-settings.js";
import type { SteeringDocument } from "../model/steering/index.js";
import type { TasksDocument } from "../model/tasks/task-types.js";

/** A parsed file and where it is: `path` is relative to the workspace root, with `/` separators. */
export interface LoadedFile<Document> {
  readonly path: string;
  readonly document: Document;
}

export interface SpecModel {
  readonly name: string;
  /** The spec folder, relative to the workspace root. */
  readonly path: string;
  readonly requirements?: LoadedFile<RequirementsDocument>;
  readonly bugfix?: LoadedFile<BugfixDocument>;
  readonly design?: LoadedFile<DesignDocument>;
  readonly tasks?: LoadedFile<TasksDocument>;
  readonly config?: LoadedFile<SpecConfigDocument>;
  /** Kiro's `tasks.meta.json`: run history, property-test results and the plan's `waves`. */
  readonly tasksMeta?: LoadedFile<TasksMetaDocument>;
  /** Other files in the spec folder, by name. */
  readonly otherFiles: readonly string[];
  /**
   * The documents as they were approved, when their text was kept and differs from the current one (the
   * loader reads them from git or `.kiro/specwright/`): drift rules compare with them.
   */
  readonly approved?: { readonly requirements?: RequirementsDocument };
}

/** A file that exists but could not be read (binary, invalid UTF-8, permission denied…). */
export interface UnreadableFile {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly fix: string;
}

/**
 * Everything the rules look at, already read and parsed: rules are pure functions of this, so they run the
 * same in a browser, in tests fed with strings, and in the CLI.
 */
export interface WorkspaceModel {
  readonly specs: readonly SpecModel[];
  readonly steering: readonly LoadedFile<SteeringDocument>[];
  readonly legacyHooks: readonly LoadedFile<LegacyHookDocument>[];
  readonly hookFiles: readonly LoadedFile<HookFileDocument>[];
  readonly mcpSettings?: LoadedFile<McpSettingsDocument>;
  readonly specwrightSettings?: LoadedFile<SpecwrightSettingsDocument>;
  /** Of the paths steering files reference with `#[[file:…]]` (relative to the root), those that exist. */
  readonly existingReferences: ReadonlySet<string>;
  /**
   * The repository's own files (relative, `/`-separated), read only when a file hook has a pattern;
   * undefined when not read or too many to read whole (rules that need them stay silent then).
   */
  readonly repositoryFiles?: readonly string[];
  readonly unreadable: readonly UnreadableFile[];
  /** Temporaries and lock folders of Specwright processes that died mid-write (root-relative, `/`). */
  readonly leftovers?: readonly string[];
}
