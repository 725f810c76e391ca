import { join } from "node:path";
import { assembleWorkspaceModel } from "../../rules/assemble-workspace-model.js";
import type { DataFileParsers } from "../../rules/data-file-parsers.js";
import { enabledHookEntries } from "../../rules/hooks/hook-entries.js";
import type { WorkspaceModel } from "../../rules/workspace-model.js";
import { pathExists } from "../../workspace/path-exists.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { dataFileKindsOf, loadDataFileParsers } from "./load-data-file-parsers.js";
import { readSpecFiles } from "./read-spec-files.js";
import { readWorkspaceFiles } from "./read-workspace-files.js";
import { listWorkspace, type WorkspaceListing } from "./workspace-listing.js";

/**
 * A workspace read in parts: `shared` holds steering, hooks and settings; `specParts()` yields the specs a
 * batch at a time, so checking ten thousand specs never holds them all in memory.
 */
export interface WorkspaceParts {
  readonly shared: WorkspaceModel;
  readonly folders: readonly SpecFolder[];
  /** The given spec folders of the listing (default: all), read and parsed `batchSize` at a time. */
  specParts(folders?: readonly SpecFolder[], batchSize?: number): Generator<WorkspaceModel>;
}

export async function loadWorkspaceParts(root: string, listed?: WorkspaceListing): Promise<WorkspaceParts> {
  const { folders, sharedPaths } = listed ?? (await listWorkspace(root));
  const parsers = await loadDataFileParsers(dataFileKindsOf(root, sharedPaths, folders));
  const sharedRead = readWorkspaceFiles(root, sharedPaths);
  const model = assembleWorkspaceModel(sharedRead, parsers);
  const referenced = new Set(model.steering.flatMap((file) => file.document.fileReferences.map((ref) => ref.path)));
  const existingReferences = new Set<string>();
  await Promise.all(
    [...referenced].map(async (path) => {
      if (path !== "" && (await pathExists(join(root, path)))) existingReferences.add(path);
    }),
  );
  const repositoryFiles = await readRepositoryFilesForHooks(root, model);
  return {
    shared: { ...model, existingReferences, ...(repositoryFiles ? { repositoryFiles } : {}) },
    folders,
    *specParts(selected = folders, batchSize = 100) {
      for (let start = 0; start < selected.length; start += batchSize) {
        yield readSpecPart(root, selected.slice(start, start + batchSize), parsers);
      }
    },
  };
}

/**
 * Reads and parses the given spec folders into one model (their specs only: no steering, hooks or settings);
 * `parsers` must hold the data files' kinds among the folders' documents (`dataFileKindsOf`).
 */
export function readSpecPart(root: string, folders: readonly SpecFolder[], parsers: DataFileParsers): WorkspaceModel {
  return assembleWorkspaceModel(readSpecFiles(root, folders), parsers);
}

/** Enough for hooks/pattern-matches-nothing to decide; a bigger repository leaves the rule silent. */
const MAX_REPOSITORY_FILES_FOR_HOOKS = 20_000;

/** The repository's files, read only when a file hook has a pattern to test against them. */
async function readRepositoryFilesForHooks(root: string, model: WorkspaceModel): Promise<string[] | undefined> {
  const needed = [...enabledHookEntries(model)].some(
    (hook) => hook.matcher !== undefined && (hook.event === "file-saved" || hook.event === "file-deleted"),
  );
  if (!needed) return undefined;
  // Loaded here: the walk (git, .gitignore matching) is needed only by workspaces with such hooks.
  const { walkRepositoryFiles } = await import("../../workspace/walk-repository-files.js");
  const walk = await walkRepositoryFiles(root, { maxFiles: MAX_REPOSITORY_FILES_FOR_HOOKS });
  return walk.truncated ? undefined : walk.files.map((file) => file.path);
}

/** The whole workspace in one model, for callers that need every spec at once. */
export async function loadWorkspaceModel(root: string): Promise<WorkspaceModel> {
  const parts = await loadWorkspaceParts(root);
  const specParts = [...parts.specParts(parts.folders, Number.POSITIVE_INFINITY)];
  return {
    ...parts.shared,
    specs: specParts.flatMap((part) => part.specs),
    unreadable: [...parts.shared.unreadable, ...specParts.flatMap((part) => part.unreadable)],
  };
}
