import { mayHoldBugAnalysis, parseBugfix } from "../model/bugfix/index.js";
import { parseDesign } from "../model/design/index.js";
import type { HookFileDocument, LegacyHookDocument } from "../model/hooks/index.js";
import { parseRequirements } from "../model/requirements/index.js";
import type { SteeringDocument } from "../model/steering/index.js";
import { parseTasks } from "../model/tasks/parse-tasks.js";
import { type DataFileParsers, sharedDataFileKind } from "./data-file-parsers.js";
import type { LoadedFile, SpecModel, UnreadableFile, WorkspaceModel } from "./workspace-model.js";

/** One file of the workspace, path relative to the root with `/`; `text` is absent for files not read. */
export interface WorkspaceFileInput {
  readonly path: string;
  readonly text?: string;
}

export interface WorkspaceInput {
  readonly files: readonly WorkspaceFileInput[];
  readonly unreadable?: readonly UnreadableFile[];
  /** Paths referenced with `#[[file:…]]` that exist; the caller (which can see the disk) decides. */
  readonly existingReferences?: ReadonlySet<string>;
}

// `.kiro/specs/<name>/` alone (empty file part) stands for a spec folder with no files.
const SPEC_FILE = /^\.kiro\/specs\/([^/]+)\/(.*)$/;
const SPEC_DOCUMENTS = ["requirements.md", "bugfix.md", "design.md", "tasks.md", ".config.kiro", "tasks.meta.json"];

/**
 * Parses the files of a workspace, by where they sit in `.kiro/`, into the model the rules check, with the
 * given parsers for the JSON and YAML files (every kind the files hold must be there).
 */
export function assembleWorkspaceModel(input: WorkspaceInput, parsers: DataFileParsers): WorkspaceModel {
  const specs = new Map<string, { -readonly [K in keyof SpecModel]: SpecModel[K] } & { otherFiles: string[] }>();
  const steering: LoadedFile<SteeringDocument>[] = [];
  const legacyHooks: LoadedFile<LegacyHookDocument>[] = [];
  const hookFiles: LoadedFile<HookFileDocument>[] = [];
  let mcpSettings: WorkspaceModel["mcpSettings"];
  let specwrightSettings: WorkspaceModel["specwrightSettings"];
  for (const { path, text } of input.files) {
    const specMatch = SPEC_FILE.exec(path);
    if (specMatch) {
      const name = specMatch[1] ?? "";
      const file = specMatch[2] ?? "";
      let spec = specs.get(name);
      if (!spec) {
        spec = { name, path: `.kiro/specs/${name}`, otherFiles: [] };
        specs.set(name, spec);
      }
      if (text === undefined || !SPEC_DOCUMENTS.includes(file)) {
        if (file !== "" && !SPEC_DOCUMENTS.includes(file)) spec.otherFiles.push(file);
        continue;
      }
      if (file === "requirements.md") spec.requirements = { path, document: parseRequirements(text) };
      else if (file === "bugfix.md") spec.bugfix = { path, document: parseBugfix(text) };
      else if (file === "design.md") spec.design = { path, document: parseDesign(text) };
      else if (file === "tasks.md") spec.tasks = { path, document: parseTasks(text) };
      else if (file === ".config.kiro") spec.config = { path, document: parsers["spec-config"](text) };
      else if (file === "tasks.meta.json") spec.tasksMeta = { path, document: parsers["tasks-meta"](text) };
      continue;
    }
    if (text === undefined) continue;
    const kind = sharedDataFileKind(path);
    if (kind === "steering") steering.push({ path, document: parsers.steering(text) });
    else if (kind === "legacy-hook") legacyHooks.push({ path, document: parsers["legacy-hook"](text) });
    else if (kind === "hook-file") hookFiles.push({ path, document: parsers["hook-file"](text) });
    else if (kind === "mcp-settings") mcpSettings = { path, document: parsers["mcp-settings"](text) };
    else if (kind === "specwright-settings")
      specwrightSettings = { path, document: parsers["specwright-settings"](text) };
  }
  for (const spec of specs.values()) readBugAnalysisOfRequirements(spec);
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    specs: [...specs.values()].sort(byPath),
    steering: steering.sort(byPath),
    legacyHooks: legacyHooks.sort(byPath),
    hookFiles: hookFiles.sort(byPath),
    ...(mcpSettings ? { mcpSettings } : {}),
    ...(specwrightSettings ? { specwrightSettings } : {}),
    existingReferences: input.existingReferences ?? new Set(),
    unreadable: input.unreadable ?? [],
  };
}

/**
 * Bugfix specs often keep the bug analysis (Current / Expected / Unchanged behaviour) in requirements.md
 * instead of bugfix.md: it is then read as the spec's bugfix clauses, so `_Requirements: 1, 2.3_` resolve
 * and the clause rules apply. Two groups are needed, or one when `.config.kiro` says `specType: bugfix`.
 */
function readBugAnalysisOfRequirements(spec: { -readonly [K in keyof SpecModel]: SpecModel[K] }): void {
  const requirements = spec.requirements;
  if (spec.bugfix || !requirements || !mayHoldBugAnalysis(requirements.document.source.text)) return;
  const analysis = parseBugfix(requirements.document.source.text);
  const groups = new Set(analysis.sections.map((section) => section.group)).size;
  const declared = spec.config?.document.specType === "bugfix";
  if (groups < (declared ? 1 : 2) || analysis.clauses.length === 0) return;
  spec.bugfix = { path: requirements.path, document: analysis };
  if (requirements.document.requirements.length === 0) {
    // Not "no requirement headings": the file holds a bug analysis, read above.
    const diagnostics = requirements.document.diagnostics.filter(
      (diagnostic) => diagnostic.code !== "requirements/no-requirements",
    );
    spec.requirements = { path: requirements.path, document: { ...requirements.document, diagnostics } };
  }
}
