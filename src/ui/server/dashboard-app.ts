import { Hono } from "hono";
import type { DashboardContext } from "./dashboard-context.js";
import { apiError, errorResponse } from "./error-response.js";
import { requestGuard } from "./request-guard.js";
import { registerApprovalRoutes } from "./routes/approval-routes.js";
import { registerChangeRoutes } from "./routes/change-routes.js";
import { registerReadRoutes } from "./routes/read-routes.js";
import { registerRunRoutes } from "./routes/run-routes.js";
import { registerTaskRoutes } from "./routes/task-routes.js";
import { registerStaticFiles } from "./static-files.js";

/** The dashboard's app: the guard, the API of docs/ui-api.md, and the built page. Listening is `serveDashboard`'s. */
export function createDashboardApp(context: DashboardContext): Hono {
  const app = new Hono();
  keepBoardsCurrent(context);
  app.use("*", requestGuard(context));
  app.use("*", async (c, next) => {
    await next();
    // The API's answers are the workspace now; a cached one would show a state that is gone.
    if (c.req.path.startsWith("/api/")) c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
  });
  registerReadRoutes(app, context);
  registerApprovalRoutes(app, context);
  registerRunRoutes(app, context);
  registerTaskRoutes(app, context);
  registerChangeRoutes(app, context);
  registerStaticFiles(app, context.assetsDirectory);
  app.notFound((c) =>
    apiError(c, 404, {
      code: "not-found",
      message: `Nothing at ${c.req.method} ${c.req.path}.`,
      fix: "See docs/ui-api.md for the endpoints.",
    }),
  );
  app.onError((error, c) => errorResponse(c, error, context.log));
  return app;
}

/**
 * Tells each root's board session of every change the watcher reports. It subscribes before any page does,
 * so a page's refetch after a `changed` event gets a board that has the change.
 */
function keepBoardsCurrent(context: DashboardContext): void {
  context.changes.subscribe((changes) => context.boards.get(changes.root)?.update(changes.paths));
}
