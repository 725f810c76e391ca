/** The values Kiro writes into a `.config.kiro`, apart from its schema so readers of the values need no zod. */
export const SPEC_WORKFLOW_TYPES = ["requirements-first", "design-first", "fast-task"] as const;
export type SpecWorkflowType = (typeof SPEC_WORKFLOW_TYPES)[number];

export const SPEC_TYPES = ["feature", "bugfix"] as const;
export type SpecType = (typeof SPEC_TYPES)[number];

export function isSpecWorkflowType(value: string): value is SpecWorkflowType {
  return (SPEC_WORKFLOW_TYPES as readonly string[]).includes(value);
}
