import { defineRule } from "../rule.js";

export const autoWithoutDescription = defineRule({
  id: "steering/auto-without-description",
  family: "steering",
  severity: "error",
  summary:
    "A steering file with `inclusion: auto` has no `description`; Kiro decides from the description alone, so it never includes the file.",
  fix: "Add `description:` saying which requests the file is for (and `name:`), or use `inclusion: manual`.",
  *check(workspace) {
    for (const { path, document } of workspace.steering) {
      if (document.inclusionMode !== "auto" || document.description) continue;
      // An empty `description:` is already reported by steering/invalid-field.
      if (document.data.description !== undefined) continue;
      const location = document.inclusion?.location;
      if (!location) continue;
      const addName = document.name ? "" : " and `name: <short-name>`";
      yield {
        file: path,
        location,
        message:
          "`inclusion: auto` without a `description`: Kiro matches requests against the description, so this file is never included.",
        fix: `Add \`description: <which requests this file helps with>\`${addName} to the front matter, or use \`inclusion: manual\`.`,
      };
    }
  },
});
