import type { Hono } from "hono";
import { z } from "zod";
import { approvePhase } from "../../../engine/approvals/approve-phase.js";
import { isSpecPhase, type SpecPhase } from "../../../engine/approvals/spec-phase.js";
import { approvalDiff } from "../../../engine/dashboard/approval-diff.js";
import { dashboardApprovalState, explainApprovalState } from "../../../engine/dashboard/approval-labels.js";
import { specFolderOf } from "../../../engine/dashboard/board-session.js";
import { EngineError } from "../../../engine/errors/engine-error.js";
import type { DashboardContext } from "../dashboard-context.js";
import { dashboardRootOf } from "../dashboard-root-of.js";
import { readBody } from "../request-body.js";

/** The diff since a document's approval, and approving it as it is (`specwright approve`). */
export function registerApprovalRoutes(app: Hono, context: DashboardContext): void {
  app.get("/api/specs/:root/:spec/approvals/:document/diff", async (c) => {
    const root = dashboardRootOf(context.roots, c.req.param("root"));
    return c.json(
      await approvalDiff({ root: root.path, spec: c.req.param("spec"), phase: phaseOf(c.req.param("document")) }),
    );
  });

  app.post("/api/specs/:root/:spec/approvals/:document", async (c) => {
    const root = dashboardRootOf(context.roots, c.req.param("root"));
    const phase = phaseOf(c.req.param("document"));
    await readBody(c, z.object({}).loose());
    const result = await approvePhase({ cwd: root.path, root: root.path, spec: c.req.param("spec"), phase });
    // The next board has it even if it asks before the watcher reports the approvals file.
    context.boards.get(root.id)?.update([specFolderOf(root.path, result.spec)]);
    return c.json({
      spec: result.spec,
      phase: result.phase,
      sha256: result.sha256,
      approvedAt: result.approvedAt,
      alreadyApproved: result.alreadyApproved,
      approvals: result.approvals.phases.map((entry) => ({
        phase: entry.phase,
        document: entry.document,
        state: dashboardApprovalState(entry.state),
        ...(entry.approvedAt === undefined ? {} : { approvedAt: entry.approvedAt }),
        explanation: explainApprovalState(entry.document, entry.state, entry.approvedAt),
      })),
    });
  });
}

function phaseOf(document: string): SpecPhase {
  const phase = document.replace(/\.md$/, "");
  if (isSpecPhase(phase)) return phase;
  throw new EngineError({
    code: "unknown-phase",
    kind: "usage",
    message: `"${document}" is not a document that can be approved.`,
    fix: "Pass requirements, bugfix, design or tasks.",
    candidates: ["requirements", "bugfix", "design", "tasks"],
  });
}
