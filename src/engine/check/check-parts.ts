import { join } from "node:path";
import { ALL_RULES } from "../../rules/all-rules.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { runRules } from "../../rules/run-rules.js";
import type { WorkspaceModel } from "../../rules/workspace-model.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { mayHaveApprovedRequirements } from "../impact/may-have-approved-requirements.js";
import { loadWorkspaceParts } from "../workspace-model/load-workspace-model.js";
import type { WorkspaceListing } from "../workspace-model/workspace-listing.js";
import { checkSpecFoldersInParallel } from "./check-in-parallel.js";
import type { SpecCheck } from "./check-spec-part.js";
import type { CpuSample } from "./cpu-load.js";

export interface SharedCheck {
  readonly diagnostics: readonly CheckDiagnostic[];
  readonly files: number;
  /** Files steering files include with `#[[file:…]]`, and the repository's folders when hooks match files (absolute): their state is part of the result. */
  readonly references: readonly string[];
}

/**
 * The expensive part of `check`: read, parse and run every rule over steering, hooks and settings, and over
 * the given specs (a batch at a time, on every core for a large workspace). Loaded only when the cache cannot answer, so a run on an unchanged
 * workspace does not even load the parsers.
 */
export async function checkParts(
  listing: WorkspaceListing,
  specs: readonly SpecFolder[],
  options: { readonly cpuSince?: CpuSample } = {},
): Promise<{ readonly shared: SharedCheck; readonly specs: readonly SpecCheck[] }> {
  const { model, check } = await checkShared(listing);
  // Read here, once, with one git process: the drift rules compare each changed spec with its approved text.
  // Loaded only when some spec has an approvals file: its schema and the git reader cost every other run.
  const approved = specs.some(mayHaveApprovedRequirements)
    ? await (await import("../impact/approved-requirements.js")).readChangedApprovedRequirements(listing.root, specs)
    : new Map<string, string>();
  return {
    shared: check,
    specs: await checkSpecFoldersInParallel(listing.root, specs, model.specwrightSettings, { ...options, approved }),
  };
}

/** Reads, parses and checks steering, hooks and settings; the model is returned for the spec rules' settings. */
export async function checkShared(
  listing: Pick<WorkspaceListing, "root" | "sharedPaths" | "kiroFiles" | "settingsPath">,
): Promise<{ readonly model: WorkspaceModel; readonly check: SharedCheck }> {
  const { shared } = await loadWorkspaceParts(listing.root, { ...listing, folders: [] });
  const files =
    shared.steering.length +
    shared.legacyHooks.length +
    shared.hookFiles.length +
    (shared.mcpSettings ? 1 : 0) +
    (shared.specwrightSettings ? 1 : 0);
  const references = [
    ...new Set(shared.steering.flatMap((file) => file.document.fileReferences.map((reference) => reference.path))),
  ].map((path) => join(listing.root, path));
  // A file added or removed anywhere changes its folder: a hook pattern's verdict is stale then.
  if (shared.repositoryFiles !== undefined) references.push(...repositoryFolders(listing.root, shared.repositoryFiles));
  return { model: shared, check: { diagnostics: runRules(shared, ALL_RULES), files, references } };
}

export type { SpecCheck } from "./check-spec-part.js";

function repositoryFolders(root: string, files: readonly string[]): string[] {
  const folders = new Set<string>([root]);
  for (const file of files) {
    const parts = file.split("/").slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth++) folders.add(join(root, ...parts.slice(0, depth)));
  }
  return [...folders].sort();
}
