import { z } from "zod";

export { APPROVALS_FILE_NAME } from "./approvals-file-name.js";

export const PhaseApprovalRecordSchema = z
  .looseObject({
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("SHA-256 (hex) of the document's exact bytes when it was approved."),
    approvedAt: z.iso.datetime().describe("When it was approved, ISO 8601 in UTC."),
    // Added later, optional, so a sidecar written before them (or by another tool) still reads as version 1.
    blob: z
      .string()
      .regex(/^[0-9a-f]{40,64}$/)
      .optional()
      .describe("The git blob holding the approved text (`git hash-object -w`), so later changes can be diffed."),
    copy: z
      .string()
      .optional()
      .describe("Where there is no git: the approved text's copy, relative to the workspace root."),
    commit: z
      .string()
      .regex(/^[0-9a-f]{40,64}$/)
      .optional()
      .describe("The commit HEAD pointed at when it was approved."),
    dirty: z.boolean().optional().describe("Whether the working tree had uncommitted changes then."),
  })
  .describe("One approved phase.");

export const ApprovalsRecordSchema = z
  .looseObject({
    schemaVersion: z.literal(1).describe("The format version of this file."),
    approvals: z
      .looseObject({
        requirements: PhaseApprovalRecordSchema.optional(),
        bugfix: PhaseApprovalRecordSchema.optional(),
        design: PhaseApprovalRecordSchema.optional(),
        tasks: PhaseApprovalRecordSchema.optional(),
      })
      .describe("The approved phases by name; a phase that is not here is not approved."),
  })
  .describe("`.kiro/specs/<name>/.specwright-approvals.json`: which documents were approved, and their hash then.");

export type PhaseApprovalRecord = z.output<typeof PhaseApprovalRecordSchema>;
export type ApprovalsRecord = z.output<typeof ApprovalsRecordSchema>;

export const EMPTY_APPROVALS_RECORD: ApprovalsRecord = { schemaVersion: 1, approvals: {} };

export type ParsedApprovalsRecord =
  | { readonly ok: true; readonly record: ApprovalsRecord }
  | { readonly ok: false; readonly problem: string };

/** Reads the sidecar's text; a file that is not the expected shape is a problem, never silently "no approvals". */
export function parseApprovalsRecord(text: string): ParsedApprovalsRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const result = ApprovalsRecordSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    return { ok: false, problem: `it does not have the expected shape${where}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, record: result.data };
}

export function serializeApprovalsRecord(record: ApprovalsRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
