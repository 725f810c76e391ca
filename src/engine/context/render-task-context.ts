import type { ContextCriterion } from "./referenced-criteria.js";
import type { IncludedSteering } from "./steering-selection.js";
import type { ContextDesignSection, ContextTask } from "./task-context-types.js";

/** The task section: its title, details and sub-tasks. Never cut: without it the rest means nothing. */
export function renderTaskSection(spec: string, task: ContextTask): string {
  const lines = [`# Task ${task.id}: ${task.title}`, "", `Spec: ${spec}${task.optional ? " (optional task)" : ""}`];
  // Details keep their own list markers, as written under the task.
  if (task.details.length > 0) lines.push("", ...task.details);
  if (task.subTasks.length > 0) lines.push("", "Sub-tasks:", ...task.subTasks.map((subTask) => `- ${subTask}`));
  return `${lines.join("\n")}\n`;
}

/** The criteria grouped by requirement, each requirement with its title and user story. */
export function renderCriteriaSection(criteria: readonly ContextCriterion[], unresolved: readonly string[]): string {
  if (criteria.length === 0 && unresolved.length === 0) return "";
  const lines = ["## Acceptance criteria this task must satisfy", ""];
  let requirementId: string | undefined;
  for (const criterion of criteria) {
    if (criterion.requirementId !== requirementId) {
      requirementId = criterion.requirementId;
      if (lines.at(-1) !== "") lines.push("");
      const title = criterion.requirementTitle ? `: ${criterion.requirementTitle}` : "";
      lines.push(`### Requirement ${criterion.requirementId}${title}`, "");
      if (criterion.userStory) lines.push(`User story: ${criterion.userStory}`, "");
    }
    lines.push(`- ${criterion.id} ${criterion.text}`);
  }
  if (unresolved.length > 0) {
    lines.push("", `(The task also references ${unresolved.join(", ")}, which the spec does not define.)`);
  }
  return `${lines.join("\n")}\n`;
}

export function renderDesignSection(sections: readonly ContextDesignSection[]): string {
  if (sections.length === 0) return "";
  const body = sections.map((section) => `<!-- design: ${section.heading} -->\n${section.text}`).join("\n\n");
  return `## Design (the sections that mention these criteria)\n\n${body}\n`;
}

export function renderSteeringSection(included: readonly IncludedSteering[]): string {
  if (included.length === 0) return "";
  const body = included
    .map((entry) => `<!-- steering: ${entry.path} (${entry.reason}) -->\n${entry.text}`)
    .join("\n\n");
  return `## Project steering\n\n${body}\n`;
}
