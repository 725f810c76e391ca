import type { SpecImpactAnalysis } from "./spec-impact.js";

function count(value: number, one: string, many = `${one}s`): string {
  return `${value} ${value === 1 ? one : many}`;
}

/** One line for `status`: what changed since approval and how many done tasks to re-verify; "" for nothing. */
export function summarizeImpact(analysis: SpecImpactAnalysis): string {
  const kinds = { added: 0, removed: 0, reworded: 0, renumbered: 0 };
  for (const change of analysis.criteria) kinds[change.kind]++;
  const parts: string[] = [];
  if (kinds.added > 0) parts.push(`${count(kinds.added, "criterion", "criteria")} added`);
  if (kinds.reworded > 0) parts.push(`${kinds.reworded} reworded`);
  if (kinds.removed > 0) parts.push(`${kinds.removed} removed`);
  if (kinds.renumbered > 0) parts.push(`${kinds.renumbered} renumbered`);
  const glossary = analysis.requirements?.glossary.length ?? 0;
  if (glossary > 0) parts.push(`${count(glossary, "glossary term")} changed`);
  const design = analysis.design;
  const sections = design ? design.added.length + design.removed.length + design.changed.length : 0;
  if (sections > 0) parts.push(`${count(sections, "design section")} changed`);
  const reverify = analysis.tasks.filter((task) => task.verifiedAgainstOlder.length > 0).length;
  if (reverify > 0) parts.push(`${count(reverify, "done task")} to re-verify`);
  return parts.join(", ");
}
