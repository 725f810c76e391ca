import { FILE_START } from "../../model/source/source-location.js";
import { lineLocation } from "../../model/source/source-text.js";
import { defineRule } from "../rule.js";

/**
 * Workflows that legitimately start without requirements: design-first derives them from the design
 * later, and fast-task goes straight to a task list.
 */
const WORKFLOWS_WITHOUT_REQUIREMENTS = new Set(["design-first", "fast-task"]);

export const tasksWithoutRequirements = defineRule({
  id: "structure/tasks-without-requirements",
  family: "structure",
  severity: "warning",
  summary: "A spec has tasks.md but neither requirements.md nor bugfix.md, so its tasks trace to nothing.",
  fix: "Write requirements.md (or bugfix.md for a bug fix), or set `workflowType` in .config.kiro if the spec is design-first.",
  *check(workspace) {
    for (const spec of workspace.specs) {
      const tasks = spec.tasks;
      if (!tasks || spec.requirements || spec.bugfix) continue;
      const workflow = spec.config?.document.workflowType;
      if (workflow !== undefined && WORKFLOWS_WITHOUT_REQUIREMENTS.has(workflow)) continue;
      // A requirements.md that exists but could not be read is reported as unreadable, not as missing.
      const unreadable = workspace.unreadable.some(
        (file) => file.path === `${spec.path}/requirements.md` || file.path === `${spec.path}/bugfix.md`,
      );
      if (unreadable) continue;
      const first = tasks.document.source.lines[0];
      yield {
        file: tasks.path,
        location: first ? lineLocation(first) : FILE_START,
        message: `Spec "${spec.name}" has tasks but no requirements.md or bugfix.md, so its tasks cannot be traced to requirements.`,
        fix: `Write ${spec.path}/requirements.md (or bugfix.md), or mark the spec design-first in ${spec.path}/.config.kiro.`,
      };
    }
  },
});
