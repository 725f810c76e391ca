import { analyzeImpact } from "../../model/impact/spec-impact.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { defineRule } from "../rule.js";

export const renumberedReference = defineRule({
  id: "drift/renumbered-reference",
  family: "drift",
  severity: "warning",
  summary:
    "A done task still references a criterion by the id it had when requirements.md was approved; the criterion was renumbered, and the old id now names another one or none.",
  fix: "Change the reference to the criterion's new id (`specwright impact <spec>` lists them), then approve requirements.md again.",
  *check(workspace) {
    for (const spec of workspace.specs) {
      const approved = spec.approved?.requirements;
      if (!approved || !spec.requirements || !spec.tasks) continue;
      const impact = analyzeImpact({
        approvedRequirements: approved,
        requirements: spec.requirements.document,
        tasks: spec.tasks.document,
      });
      const tasks = flattenTasks(spec.tasks.document.tasks);
      for (const task of impact.tasks) {
        if (task.staleReferences.length === 0) continue;
        const line = tasks.find((candidate) => (candidate.id ?? null) === task.id && candidate.title === task.title);
        if (!line) continue;
        const moves = task.staleReferences.map((stale) => `${stale.from} is now ${stale.to}`).join(", ");
        yield {
          file: spec.tasks.path,
          location: line.references[0]?.location ?? line.location,
          message: `Task ${task.id ?? task.title} references criteria by their old ids: ${moves} (same text).`,
          fix: `Reference ${task.staleReferences.map((stale) => stale.to).join(", ")} instead, then \`specwright approve ${spec.name} requirements\`.`,
        };
      }
    }
  },
});
