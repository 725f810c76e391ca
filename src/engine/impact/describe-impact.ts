import type { SpecImpact } from "./spec-impact.js";
import { namedTasks, orphanedTasks } from "./update-checks.js";

/** The instruction an `--update` gives the model: what changed, what it touches, and what must stay. */
export function describeImpactForModel(impact: SpecImpact, document: "design" | "tasks", prune: boolean): string {
  const lines = [
    `requirements.md changed since it was approved. Update ${document}.md to match; change nothing else.`,
    "",
    "Changes:",
  ];
  for (const change of impact.analysis.criteria) {
    if (change.kind === "added") lines.push(`- Criterion ${change.newId} was added: ${change.newText}`);
    else if (change.kind === "removed")
      lines.push(`- Criterion ${change.oldId} was removed (it said: ${change.oldText})`);
    else if (change.kind === "renumbered")
      lines.push(`- Criterion ${change.oldId} is now ${change.newId} (same text): update references to it.`);
    else
      lines.push(
        `- Criterion ${change.oldId}${change.oldId === change.newId ? "" : ` (now ${change.newId})`} was reworded. Before: ${change.oldText} Now: ${change.newText}`,
      );
    if (change.designSections.length > 0)
      lines.push(`  Design sections that mention it: ${change.designSections.join("; ")}`);
    if (change.tasks.length > 0) {
      lines.push(
        `  Tasks next to it: ${change.tasks.map((task) => `${task.id ?? task.title} [${task.status}]`).join(", ")}`,
      );
    }
  }
  for (const term of impact.analysis.requirements?.glossary ?? [])
    lines.push(`- Glossary term ${term.term} ${term.kind}.`);
  lines.push("", "Rules:");
  if (document === "design") {
    lines.push(
      "- Add or revise the design for each added or reworded criterion in the section it belongs to, naming it as (Requirements N.M).",
      "- Keep every other section as it is.",
    );
  } else {
    const named = [...namedTasks(impact.analysis)];
    const orphans = orphanedTasks(impact.analysis);
    lines.push(
      "- Keep every task that is done ([x]) exactly as it is: same id, same marker, same text" +
        (named.length > 0 ? `, except ${named.join(", ")}, which the change touches.` : "."),
      "- Never renumber an existing task. New tasks get new ids after the existing ones.",
      "- Cover every added or reworded criterion with a task that references it (`_Requirements: N.M_`).",
      prune
        ? `- Tasks whose criteria were all removed may be deleted${orphans.length > 0 ? ` (${orphans.join(", ")})` : ""}.`
        : `- Do not delete any task${orphans.length > 0 ? `; tasks ${orphans.join(", ")} lost their criteria: keep them and add a detail line saying so` : ""}.`,
    );
  }
  return lines.join("\n");
}
