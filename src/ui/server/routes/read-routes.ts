import type { Hono } from "hono";
import { boardCards } from "../../../engine/dashboard/board-cards.js";
import { costReport } from "../../../engine/dashboard/cost-report.js";
import { specPage } from "../../../engine/dashboard/spec-page.js";
import type { DashboardContext } from "../dashboard-context.js";
import { dashboardRootOf } from "../dashboard-root-of.js";

/** The read-only views: roots, board, spec page, costs. */
export function registerReadRoutes(app: Hono, context: DashboardContext): void {
  app.get("/api/roots", (c) => c.json({ roots: context.roots }));

  app.get("/api/board", async (c) => {
    const specs = [];
    for (const root of context.roots) specs.push(...(await boardCards(root, context.boards.get(root.id))));
    return c.json({ roots: context.roots, specs });
  });

  app.get("/api/specs/:root/:spec", async (c) => {
    const root = dashboardRootOf(context.roots, c.req.param("root"));
    const page = await specPage({ root: root.path, spec: c.req.param("spec") });
    return c.json({ root: root.id, ...page });
  });

  app.get("/api/costs", async (c) => {
    const report = await costReport(context.roots);
    const budget = context.runs.currentBudget();
    return c.json({ ...report, ...(budget === undefined ? {} : { budget }) });
  });
}
