import type { Hono } from "hono";
import { z } from "zod";
import { revertTask } from "../../../engine/checkpoints/revert-task.js";
import { specFolderOf } from "../../../engine/dashboard/board-session.js";
import { taskFileDiffs } from "../../../engine/dashboard/task-file-diffs.js";
import { EngineError } from "../../../engine/errors/engine-error.js";
import type { DashboardContext } from "../dashboard-context.js";
import { dashboardRootOf } from "../dashboard-root-of.js";
import { readBody } from "../request-body.js";

const RevertBody = z.object({
  confirm: z.boolean().optional().describe("Must be true: the page asked the person first."),
  force: z.boolean().optional().describe("Overwrite changes made to the task's files since the task."),
});

/** A task's diff from its checkpoints (`specwright diff --task`) and its revert (`specwright revert --task`). */
export function registerTaskRoutes(app: Hono, context: DashboardContext): void {
  app.get("/api/specs/:root/:spec/tasks/:taskId/diff", async (c) => {
    const root = dashboardRootOf(context.roots, c.req.param("root"));
    return c.json(await taskFileDiffs({ root: root.path, spec: c.req.param("spec"), taskId: c.req.param("taskId") }));
  });

  app.post("/api/specs/:root/:spec/tasks/:taskId/revert", async (c) => {
    const root = dashboardRootOf(context.roots, c.req.param("root"));
    const body = await readBody(c, RevertBody);
    if (body.confirm !== true) {
      throw new EngineError({
        code: "confirmation-required",
        kind: "usage",
        message: "Reverting a task puts its files back as they were before it; the request did not confirm that.",
        fix: 'Ask the person, then send {"confirm": true}.',
      });
    }
    const result = await revertTask({
      root: root.path,
      spec: c.req.param("spec"),
      taskId: c.req.param("taskId"),
      force: body.force === true,
    });
    context.boards.get(root.id)?.update([specFolderOf(root.path, c.req.param("spec"))]);
    return c.json(result);
  });
}
