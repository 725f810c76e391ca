import type { PhaseOptions } from "./design-command.js";
import { proposeRevision } from "./refine-command.js";

/** `design --update` / `plan --update`: the refine review flow, fed with the impact and held to its checks. */
export async function updateCommand(
  document: "design" | "tasks",
  spec: string,
  options: PhaseOptions,
): Promise<number> {
  const { updateDocument } = await import("../../engine/impact/update-document.js");
  let flagged: readonly string[] = [];
  let covered: readonly string[] = [];
  return proposeRevision(
    options,
    document === "tasks" ? "plan" : "design",
    async (context) => {
      const outcome = await updateDocument({ ...context, spec, document, prune: options.prune === true });
      flagged = outcome.orphanedTasks;
      covered = outcome.covered;
      return outcome;
    },
    () => ({
      json: { update: { covered, flaggedTasks: flagged } },
      ...(flagged.length > 0
        ? {
            text: `flagged: task${flagged.length === 1 ? "" : "s"} ${flagged.join(", ")} lost every criterion; kept${options.prune ? " unless the revision pruned them" : " (--prune lets an update delete them)"}`,
          }
        : {}),
    }),
  );
}
