import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { approvePhase } from "../../engine/approvals/approve-phase.js";
import { getApprovals, type SpecApprovals } from "../../engine/approvals/get-approvals.js";
import { SPEC_PHASES } from "../../engine/approvals/spec-phase.js";
import type { ServerContext } from "../server-context.js";
import { runTool, toolSuccess } from "../tool-result.js";
import { defineTool } from "./define-tool.js";
import { specArgument } from "./spec-schemas.js";

const phaseSchema = z.enum(SPEC_PHASES);

const approvalsSchema = z.object({
  spec: z.string(),
  phases: z.array(
    z.object({
      phase: phaseSchema,
      document: z.string(),
      state: z
        .enum(["missing", "unapproved", "approved", "changed-since-approval", "stale"])
        .describe("stale: an earlier phase changed or was approved again after this one."),
      approvedAt: z.string().nullable(),
    }),
  ),
});

function describePhases(approvals: SpecApprovals): z.output<typeof approvalsSchema> {
  return {
    spec: approvals.spec,
    phases: approvals.phases.map((phase) => ({
      phase: phase.phase,
      document: phase.document,
      state: phase.state,
      approvedAt: phase.approvedAt ?? null,
    })),
  };
}

function phasesText(approvals: SpecApprovals): string {
  return approvals.phases.map((phase) => `${phase.document}: ${phase.state.replaceAll("-", " ")}`).join("\n");
}

const GET_APPROVALS_TOOL = defineTool({
  title: "Approval state of a spec's phases",
  description:
    "Each phase (requirements or bugfix, design, tasks) in workflow order with its state: missing, unapproved, approved, changed-since-approval or stale. Do not write a phase's document before the earlier phases are approved.",
  inputSchema: { spec: specArgument },
  outputSchema: approvalsSchema.shape,
  annotations: { readOnlyHint: true, openWorldHint: false },
});

const APPROVE_TOOL = defineTool({
  title: "Approve a phase",
  description:
    "Record that the USER approved a phase's document as it is on disk now. Call it only after the user said so explicitly; never approve on your own. Without phase: the first phase not approved yet. Refused when the document is missing or an earlier phase is not approved.",
  inputSchema: {
    spec: specArgument,
    phase: phaseSchema.optional().describe("The phase to approve; default the first one not approved."),
  },
  outputSchema: {
    phase: phaseSchema,
    approvedAt: z.string(),
    alreadyApproved: z.boolean().describe("True when these exact bytes were approved already (nothing written)."),
    approvals: approvalsSchema,
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
});

/** get_approvals and approve: the gates between phases, kept in the spec's approval record. */
export function registerApprovalTools(server: McpServer, context: ServerContext): void {
  server.registerTool("get_approvals", GET_APPROVALS_TOOL, ({ spec }) =>
    runTool(async () => {
      const approvals = await getApprovals({ ...context.workspace, spec });
      return toolSuccess(describePhases(approvals), phasesText(approvals));
    }),
  );

  server.registerTool("approve", APPROVE_TOOL, ({ spec, phase }) =>
    runTool(async () => {
      const result = await approvePhase({ ...context.workspace, spec, ...(phase ? { phase } : {}) });
      return toolSuccess(
        {
          phase: result.phase,
          approvedAt: result.approvedAt,
          alreadyApproved: result.alreadyApproved,
          approvals: describePhases(result.approvals),
        },
        `${result.phase} ${result.alreadyApproved ? "was already approved" : "approved"}.\n${phasesText(result.approvals)}`,
      );
    }),
  );
}
