import { loadPhasePrompt } from "../authoring/phase-prompt.js";
import type { RepositoryAnalysis } from "./repository-analysis.js";
import type { SteeringDocumentKind } from "./steering-documents.js";

/**
 * The system prompt of one steering document, from the `steering` prompt file (`prompts/steering.md`, or the
 * workspace's `.kiro/settings/prompts/steering.md`) with `{{fileName}}`, `{{purpose}}`, `{{title}}` and
 * `{{sections}}` filled in. Steering is read by an agent on every request, so the prompt asks for facts the
 * repository shows, short and concrete, and forbids what Kiro or `check` would reject.
 */
export async function steeringSystemPrompt(root: string, kind: SteeringDocumentKind): Promise<string> {
  const template = (await loadPhasePrompt(root, "steering")).text;
  const values: Record<string, string> = {
    fileName: kind.fileName,
    purpose: kind.purpose,
    title: kind.title,
    sections: kind.sections.join(", "),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole).trimEnd();
}

/** A steering file that stays as it is; the new ones keep to what it says. */
export interface ExistingSteering {
  readonly file: string;
  readonly text: string;
}

/**
 * The user message: the request, then the parts of the analysis this document is written from, then the
 * steering files that already exist and stay, so the new document agrees with them.
 */
export function steeringUserMessage(
  kind: SteeringDocumentKind,
  analysis: RepositoryAnalysis,
  existing: readonly ExistingSteering[] = [],
): string {
  const parts: string[] = [`Write ${kind.fileName} for this repository from the material below.`, ""];
  parts.push("## Repository facts", "", ...factLines(analysis), "");
  if (kind.name === "product") {
    parts.push(...readmePart(analysis), ...manifestPart(analysis));
  } else if (kind.name === "tech") {
    parts.push(...manifestPart(analysis), analysis.inventoryText, "", ...readmePart(analysis));
  } else {
    parts.push("## Repository map (files, sizes, exports)", "", analysis.mapText, "", analysis.inventoryText, "");
  }
  for (const steering of existing) {
    parts.push(`## Existing ${steering.file} (it stays; do not contradict it)`, "", fenced(steering.text), "");
  }
  return `${parts.join("\n").trimEnd()}\n`;
}

function factLines(analysis: RepositoryAnalysis): string[] {
  const { facts } = analysis;
  const lines = [`- Name: ${facts.name}`];
  if (facts.description !== undefined) lines.push(`- Description: ${facts.description}`);
  if (facts.languages.length > 0) {
    lines.push(
      `- Languages (source files): ${facts.languages.map((language) => `${language.name} ${language.files}`).join(", ")}`,
    );
  }
  if (facts.packageManagers.length > 0) {
    lines.push(
      `- Package managers and build tools: ${facts.packageManagers.map((fact) => `${fact.name} (${fact.evidence})`).join(", ")}`,
    );
  }
  if (facts.commands.length > 0) {
    lines.push(
      `- Commands: ${facts.commands.map((fact) => (fact.runs ? `\`${fact.command}\` runs \`${fact.runs}\`` : `\`${fact.command}\``)).join("; ")}`,
    );
  }
  if (analysis.inventory.testCommand !== undefined) {
    lines.push(
      `- Test command: \`${analysis.inventory.testCommand.command}\` (${analysis.inventory.testCommand.source})`,
    );
  }
  if (facts.topLevelFolders.length > 0) lines.push(`- Top-level folders: ${facts.topLevelFolders.join(", ")}`);
  return lines;
}

function readmePart(analysis: RepositoryAnalysis): string[] {
  if (analysis.readme === undefined) return ["## README", "", "The repository has no README.", ""];
  return [`## ${analysis.readme.file}`, "", fenced(analysis.readme.text), ""];
}

function manifestPart(analysis: RepositoryAnalysis): string[] {
  return analysis.manifests.flatMap((manifest) => [`## ${manifest.file}`, "", fenced(manifest.text), ""]);
}

/** A fence longer than any backtick run inside, so a README's own code blocks cannot close it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}\n${text.trimEnd()}\n${fence}`;
}
