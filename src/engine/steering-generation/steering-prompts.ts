import type { RepositoryAnalysis } from "./repository-analysis.js";
import type { SteeringDocumentKind } from "./steering-documents.js";

/**
 * The system prompt of one steering document. Steering is read by an agent on every request, so it asks
 * for facts the repository shows, short and concrete, and forbids what Kiro or `check` would reject.
 */
export function steeringSystemPrompt(kind: SteeringDocumentKind): string {
  return [
    `You write .kiro/steering/${kind.fileName}, a steering file that an AI coding agent reads with every request in this repository.`,
    `It states ${kind.purpose}.`,
    "",
    "Rules:",
    `- Answer with the Markdown document only. Start with the title line \`# ${kind.title}\`; no front matter, no code fence around the whole document, no remarks before or after it.`,
    `- Use these \`##\` sections, in this order: ${kind.sections.join(", ")}.`,
    "- Write only what the repository material shows or directly implies. Where it says nothing, write one short sentence saying so instead of guessing; never invent features, users, versions or commands.",
    "- Name real files, folders, modules, packages and commands exactly as the material writes them, in backticks. Give installed versions as the inventory lists them.",
    "- Be concise: short bullet points, no marketing language; an agent must be able to act on every line.",
    "- Do not write `#[[file:…]]` references or `<fill: …>` placeholders.",
  ].join("\n");
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
