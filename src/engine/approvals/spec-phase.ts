import type { SpecType, SpecWorkflowType } from "../../model/settings/spec-config-schema.js";

/** A reviewed document of a spec; a bugfix spec's first phase is `bugfix` instead of `requirements`. */
export type SpecPhase = "requirements" | "bugfix" | "design" | "tasks";

export const SPEC_PHASES: readonly SpecPhase[] = ["requirements", "bugfix", "design", "tasks"];

export function isSpecPhase(value: string): value is SpecPhase {
  return SPEC_PHASES.some((phase) => phase === value);
}

/** The file each phase approves. */
export function phaseDocument(phase: SpecPhase): string {
  return `${phase}.md`;
}

/**
 * The phases of a spec in the order they are written and approved: design-first puts design before the
 * requirements (or bugfix analysis); every other workflow, fast-task included, writes them first.
 */
export function phaseOrder(specType: SpecType, workflowType: SpecWorkflowType | undefined): SpecPhase[] {
  const first: SpecPhase = specType === "bugfix" ? "bugfix" : "requirements";
  return workflowType === "design-first" ? ["design", first, "tasks"] : [first, "design", "tasks"];
}
