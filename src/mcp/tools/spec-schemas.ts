import { z } from "zod";
import type { CheckDiagnostic } from "../../rules/check-result.js";

/** The argument every spec tool takes; unknown names are refused with the closest spec names. */
export const specArgument = z
  .string()
  .min(1, "Name a spec: its folder name under .kiro/specs/, e.g. rate-limiting.")
  .describe("The spec's folder name under .kiro/specs/, e.g. rate-limiting.");

export const taskIdArgument = z
  .string()
  .regex(/^\d+(\.\d+)*\.?$/, "A task id is its number in tasks.md, e.g. 2 or 2.1.")
  .describe("The task's number in tasks.md, e.g. 2.1.");

export const taskStatusSchema = z
  .enum(["todo", "in-progress", "queued", "done"])
  .describe("todo [ ], in-progress [-], queued [~], done [x].");

export const diagnosticSchema = z.object({
  rule: z.string().describe("The rule id; docs/rules.md explains each."),
  severity: z.enum(["error", "warning", "info"]),
  file: z.string().describe("Relative to the workspace root."),
  line: z.number(),
  column: z.number(),
  message: z.string(),
  fix: z.string(),
});

export type ToolDiagnostic = z.output<typeof diagnosticSchema>;

export function toToolDiagnostic(diagnostic: CheckDiagnostic): ToolDiagnostic {
  return {
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    file: diagnostic.file,
    line: diagnostic.location.line,
    column: diagnostic.location.column,
    message: diagnostic.message,
    fix: diagnostic.fix,
  };
}
