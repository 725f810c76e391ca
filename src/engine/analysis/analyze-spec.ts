import { join } from "node:path";
import { generateJsonObject } from "../llm/generate-json-object.js";
import type { ModelSession } from "../llm/model-session.js";
import { loadSpec } from "../workspace-model/load-spec.js";
import { readWorkspaceFiles } from "../workspace-model/read-workspace-files.js";
import type { WorkspaceOptions } from "../workspace-model/workspace-context.js";
import {
  ANALYZE_REQUIREMENTS_SYSTEM,
  locateFindings,
  type RequirementFinding,
  RequirementFindingsSchema,
} from "./requirement-findings.js";
import { type ReviewNote, reviewNotes } from "./review-notes.js";

export interface AnalyzeSpecOptions extends WorkspaceOptions {
  readonly spec: string;
  /** With a session, the model's Analyze Requirements findings too; without, the deterministic notes only. */
  readonly session?: ModelSession;
}

export interface SpecAnalysis {
  readonly root: string;
  readonly spec: string;
  /** The documents read, relative to the root. */
  readonly files: readonly string[];
  readonly notes: readonly ReviewNote[];
  /** `undefined` when no model was asked. */
  readonly findings: readonly RequirementFinding[] | undefined;
}

/** Reviews a spec: the notes from its text, then (with a model) the findings about its requirements. Writes nothing. */
export async function analyzeSpec(options: AnalyzeSpecOptions): Promise<SpecAnalysis> {
  const loaded = await loadSpec(options);
  const documents = [loaded.model.requirements, loaded.model.bugfix, loaded.model.design, loaded.model.tasks]
    .filter((file) => file !== undefined)
    .map((file) => file.path);
  const { files } = readWorkspaceFiles(
    loaded.root,
    documents.map((path) => join(loaded.root, path)),
  );
  const inputs = files.map((file) => ({ file: file.path, text: file.text ?? "" }));
  const notes = reviewNotes(inputs);
  let findings: RequirementFinding[] | undefined;
  const requirements = loaded.model.requirements ?? loaded.model.bugfix;
  if (options.session !== undefined && requirements !== undefined) {
    const text = inputs.find((input) => input.file === requirements.path)?.text ?? "";
    const design = inputs.find((input) => input.file === loaded.model.design?.path)?.text;
    const raw = await generateJsonObject(
      options.session,
      {
        purpose: "analyze",
        outputPurpose: "questions",
        system: ANALYZE_REQUIREMENTS_SYSTEM,
        messages: [
          {
            role: "user",
            content: `## ${requirements.path}\n\n${text}${design !== undefined ? `\n\n## Design (for context)\n\n${design}` : ""}`,
          },
        ],
      },
      RequirementFindingsSchema,
    );
    findings = locateFindings(raw, loaded.model.requirements, requirements.path);
  }
  return { root: loaded.root, spec: loaded.summary.name, files: inputs.map((input) => input.file), notes, findings };
}
