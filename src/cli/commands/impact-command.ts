import { impactJson } from "../../engine/impact/impact-json.js";
import { type SpecImpact, specImpact } from "../../engine/impact/spec-impact.js";
import type { CriterionImpact } from "../../model/impact/spec-impact.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { detectTerminal, paint, type Terminal } from "../terminal.js";

export async function impactCommand(spec: string, options: CommonOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const impact = await specImpact({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}), spec });
    if (options.json) {
      printJson({ ok: true, ...impactJson(impact) });
      return;
    }
    process.stdout.write(renderImpact(impact, detectTerminal()));
    return undefined;
  });
}

function renderImpact(impact: SpecImpact, terminal: Terminal): string {
  const lines: string[] = [`${paint(terminal, "bold", impact.spec)}: ${impact.summary || "no change since approval"}`];
  for (const document of impact.documents) {
    if (!document.exists) continue;
    const baseline =
      document.baseline === "kept"
        ? document.changed
          ? paint(terminal, "yellow", `changed since approval (${document.approvedAt ?? ""})`)
          : "unchanged since approval"
        : document.baseline === "not-kept"
          ? "approved before its text was kept: approve it again to compare later changes"
          : "not approved: nothing to compare with";
    lines.push(`  ${document.document.padEnd(16)} ${baseline}`);
  }
  const codeFiles = new Map(impact.codeFiles.map((entry) => [entry.taskId, entry.files]));
  for (const criterion of impact.analysis.criteria) lines.push(...renderCriterion(criterion, codeFiles, terminal));
  for (const requirement of impact.analysis.requirements?.requirements ?? []) {
    const ids =
      requirement.kind === "renumbered"
        ? `${requirement.oldId} → ${requirement.newId}`
        : (requirement.newId ?? requirement.oldId);
    lines.push(`  requirement ${ids} ${requirement.kind}: ${requirement.title}`);
  }
  for (const term of impact.analysis.requirements?.glossary ?? []) lines.push(`  glossary ${term.kind}: ${term.term}`);
  for (const task of impact.analysis.tasks) {
    for (const stale of task.staleReferences) {
      lines.push(`  task ${task.id ?? "?"} references ${stale.from}, now ${stale.to} (same text)`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function renderCriterion(
  criterion: CriterionImpact,
  codeFiles: ReadonlyMap<string, readonly string[]>,
  terminal: Terminal,
): string[] {
  const id =
    criterion.kind === "removed"
      ? criterion.oldId
      : criterion.oldId && criterion.oldId !== criterion.newId
        ? `${criterion.oldId} → ${criterion.newId}`
        : criterion.newId;
  const lines = [
    `  ${paint(terminal, criterion.kind === "renumbered" ? "dim" : "yellow", criterion.kind)} ${id}: ${criterion.newText ?? criterion.oldText ?? ""}`,
  ];
  if (criterion.designSections.length > 0) lines.push(`    design: ${criterion.designSections.join("; ")}`);
  for (const property of criterion.properties) lines.push(`    property ${property.number}: ${property.title}`);
  for (const task of criterion.tasks) {
    const flag = task.verifiedAgainstOlder
      ? paint(terminal, "yellow", ` — verified against an older version of ${criterion.oldId}`)
      : "";
    const relation = task.relation === "same-requirement" ? " (same requirement)" : "";
    lines.push(`    task ${task.id ?? "?"} [${task.status}]${relation}: ${task.title}${flag}`);
    const files = task.id === null ? [] : (codeFiles.get(task.id) ?? []);
    if (task.status === "done" && files.length > 0) lines.push(`      changed: ${files.join(", ")}`);
  }
  return lines;
}
