import { migrateLegacyHook, toHookName } from "../../model/hooks/migrate-legacy-hook.js";
import { jsonPathLocation } from "../../model/json/json-path-location.js";
import { defineRule } from "../rule.js";

export const legacyFormat = defineRule({
  id: "hooks/legacy-format",
  family: "hooks",
  // A notice: the hook works in Kiro 0.x, and a team may not have moved to 1.0 yet.
  severity: "info",
  summary:
    "A hook in the Kiro 0.x `.kiro.hook` format: Kiro 1.0 no longer runs these until they are migrated to a `.json` hook file.",
  fix: 'Move the hook into `.kiro/hooks/<name>.json` as `{"version": "v1", "hooks": [{"name", "trigger", "action"}]}`; this finding\'s fix spells out the equivalent.',
  *check(workspace) {
    for (const { path, document } of workspace.legacyHooks) {
      // A hook Kiro cannot read is reported by hooks/json-syntax or hooks/missing-field first.
      if (!document.hook) continue;
      const migration = migrateLegacyHook(document.hook);
      const target = `.kiro/hooks/${toHookName(document.hook.name)}.json`;
      const json = JSON.stringify({ version: "v1", hooks: [migration.hook] }, null, 2);
      const notes = migration.notes.length > 0 ? `\nNote: ${migration.notes.join(" ")}` : "";
      yield {
        file: path,
        location: jsonPathLocation(document, ["name"]),
        message: `Hook "${document.hook.name}" is in the Kiro 0.x format, which Kiro 1.0 no longer runs.`,
        fix: `Kiro 1.0 equivalent, in ${target} (then delete ${path}):\n${json}${notes}`,
      };
    }
  },
});
