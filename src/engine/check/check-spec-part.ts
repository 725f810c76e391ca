import { ALL_RULES } from "../../rules/all-rules.js";
import { assembleWorkspaceModel } from "../../rules/assemble-workspace-model.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import type { DataFileParsers } from "../../rules/data-file-parsers.js";
import { runRules } from "../../rules/run-rules.js";
import type { SpecModel, WorkspaceModel } from "../../rules/workspace-model.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { withApprovedRequirements } from "../impact/with-approved-requirements.js";
import { withSpecConfigsOf } from "../workspace-model/load-data-file-parsers.js";
import { readSpecFiles } from "../workspace-model/read-spec-files.js";
import { detachedDiagnostic } from "./detached-diagnostic.js";

export interface SpecCheck {
  readonly name: string;
  readonly files: number;
  readonly diagnostics: readonly CheckDiagnostic[];
}

export type SpecwrightSettingsFile = WorkspaceModel["specwrightSettings"];

/**
 * Runs every rule over a part holding specs only. Rules look inside one spec at a time, so each spec's
 * result is the part's diagnostics in its folder, whichever specs share the part.
 */
export function checkSpecPart(
  loaded: WorkspaceModel,
  settings: SpecwrightSettingsFile,
  approved: ReadonlyMap<string, string> = new Map(),
): SpecCheck[] {
  const part = withApprovedRequirements(loaded, approved);
  const bySpec = diagnosticsBySpec(runRules(part, ALL_RULES, { settings }));
  return part.specs.map((spec) => ({
    name: spec.name,
    files: countFiles(spec),
    diagnostics: bySpec.get(spec.name) ?? [],
  }));
}

/** The spec's documents, a bug analysis read from requirements.md counted once with it. */
function countFiles(spec: SpecModel): number {
  const paths = new Set<string>();
  for (const file of [spec.requirements, spec.bugfix, spec.design, spec.tasks, spec.config]) {
    if (file) paths.add(file.path);
  }
  return paths.size;
}

/**
 * Specs read, parsed and checked together. A few at a time, the parsed documents are garbage before the next
 * scavenge and die in the young generation; 25 (a batch) survived it and were promoted, so the old generation
 * grew and was marked again and again (1,000 generated specs: about a tenth less CPU, 113 → 95 MB).
 */
const SPECS_PER_PART = 5;

/**
 * Reads, parses and checks some spec folders: the unit of work the main thread and the workers share.
 * `parsers` need not hold the `.config.kiro` parser: each part's configs are read by `withSpecConfigsOf`.
 */
export async function checkSpecFolders(
  root: string,
  folders: readonly SpecFolder[],
  parsers: DataFileParsers,
  settings: SpecwrightSettingsFile,
  approved: ReadonlyMap<string, string> = new Map(),
): Promise<SpecCheck[]> {
  const results: SpecCheck[] = [];
  for (let start = 0; start < folders.length; start += SPECS_PER_PART) {
    const input = readSpecFiles(root, folders.slice(start, start + SPECS_PER_PART));
    const part = assembleWorkspaceModel(input, await withSpecConfigsOf(parsers, input.files));
    for (const spec of checkSpecPart(part, settings, approved)) {
      results.push({ ...spec, diagnostics: spec.diagnostics.map(detachedDiagnostic) });
    }
  }
  return results;
}

const SPEC_PATH = /^\.kiro\/specs\/([^/]+)(?:\/|$)/;

/** The spec a root-relative path (`/`-separated) is in, or undefined outside `.kiro/specs/<name>`. */
export function specNameOfPath(path: string): string | undefined {
  return SPEC_PATH.exec(path)?.[1];
}

/** Diagnostics grouped by the spec folder their file is in, in one pass. */
function diagnosticsBySpec(diagnostics: readonly CheckDiagnostic[]): Map<string, CheckDiagnostic[]> {
  const bySpec = new Map<string, CheckDiagnostic[]>();
  for (const diagnostic of diagnostics) {
    const name = specNameOfPath(diagnostic.file);
    if (name === undefined) continue;
    const list = bySpec.get(name);
    if (list) list.push(diagnostic);
    else bySpec.set(name, [diagnostic]);
  }
  return bySpec;
}
