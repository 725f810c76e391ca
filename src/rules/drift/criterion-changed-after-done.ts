import { analyzeImpact } from "../../model/impact/spec-impact.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { defineRule } from "../rule.js";

export const criterionChangedAfterDone = defineRule({
  id: "drift/criterion-changed-after-done",
  family: "drift",
  severity: "warning",
  summary:
    "A done task implements an acceptance criterion that was reworded or removed since requirements.md was approved: its verification proved the older text.",
  fix: "Re-verify the task (`specwright run <spec> --reverify`), update it if needed, then approve requirements.md again.",
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
        if (task.verifiedAgainstOlder.length === 0) continue;
        const line = tasks.find((candidate) => (candidate.id ?? null) === task.id && candidate.title === task.title);
        if (!line) continue;
        const ids = task.verifiedAgainstOlder;
        const removed = ids.filter((id) => task.removedCriteria.includes(id));
        const what = removed.length === ids.length ? "was removed" : "changed";
        yield {
          file: spec.tasks.path,
          location: line.location,
          message: `Task ${task.id ?? task.title} is done but was verified against an older version of ${ids.join(", ")}: the criterion ${what} since requirements.md was approved.`,
          fix: `Re-verify it with \`specwright run ${spec.name} --reverify\` (\`specwright impact ${spec.name}\` shows the change), then \`specwright approve ${spec.name} requirements\`.`,
        };
      }
    }
  },
});
