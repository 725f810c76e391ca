import { join } from "node:path";
import { ALL_RULES } from "../rules/all-rules.js";
import type { CheckDiagnostic } from "../rules/check-result.js";
import { runRules } from "../rules/run-rules.js";
import type { SpecModel } from "../rules/workspace-model.js";
import type { SpecFolder } from "../workspace/spec-folders.js";
import { loadWorkspaceParts } from "./load-workspace-model.js";
import type { WorkspaceListing } from "./workspace-listing.js";

export interface SharedCheck {
  readonly diagnostics: readonly CheckDiagnostic[];
  readonly files: number;
  /** Files steering files include with `#[[file:…]]`, and the repository's folders when hooks match files (absolute): their state is part of the result. */
  readonly references: readonly string[];
}

export interface SpecCheck {
  readonly name: string;
  readonly files: number;
  readonly diagnostics: readonly CheckDiagnostic[];
}

/**
 * The expensive part of `check`: read, parse and run every rule over steering, hooks and settings, and over
 * the given specs (a batch at a time). Loaded only when the cache cannot answer, so a run on an unchanged
 * workspace does not even load the parsers.
 */
export async function checkParts(
  listing: WorkspaceListing,
  specs: readonly SpecFolder[],
): Promise<{ readonly shared: SharedCheck; readonly specs: readonly SpecCheck[] }> {
  const parts = await loadWorkspaceParts(listing.root, listing);
  const { shared } = parts;
  const sharedFiles =
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
  const results: SpecCheck[] = [];
  for (const part of parts.specParts(specs)) {
    const diagnostics = runRules(part, ALL_RULES, { settings: shared.specwrightSettings });
    for (const spec of part.specs) {
      results.push({
        name: spec.name,
        files: countFiles(spec),
        diagnostics: diagnostics.filter(
          (diagnostic) => diagnostic.file === spec.path || diagnostic.file.startsWith(`${spec.path}/`),
        ),
      });
    }
  }
  return {
    shared: { diagnostics: runRules(shared, ALL_RULES), files: sharedFiles, references },
    specs: results,
  };
}

function repositoryFolders(root: string, files: readonly string[]): string[] {
  const folders = new Set<string>([root]);
  for (const file of files) {
    const parts = file.split("/").slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth++) folders.add(join(root, ...parts.slice(0, depth)));
  }
  return [...folders].sort();
}

/** The spec's documents, a bug analysis read from requirements.md counted once with it. */
function countFiles(spec: SpecModel): number {
  const paths = new Set<string>();
  for (const file of [spec.requirements, spec.bugfix, spec.design, spec.tasks, spec.config]) {
    if (file) paths.add(file.path);
  }
  return paths.size;
}
