import type { DashboardRoot } from "../../engine/dashboard/dashboard-roots.js";
import { EngineError } from "../../engine/errors/engine-error.js";
import { closestMatches } from "../../model/text/closest-matches.js";

/** The root a request names by its index (`"0"`, `"1"`, …). */
export function dashboardRootOf(roots: readonly DashboardRoot[], id: string): DashboardRoot {
  const root = roots.find((candidate) => candidate.id === id);
  if (root !== undefined) return root;
  const ids = roots.map((candidate) => candidate.id);
  throw new EngineError({
    code: "unknown-root",
    message: `There is no root "${id}"; the dashboard serves ${roots.length} (${roots.map((entry) => `${entry.id}: ${entry.path}`).join(", ")}).`,
    fix: "Pass a root's index from GET /api/roots.",
    candidates: closestMatches(id, ids),
  });
}
