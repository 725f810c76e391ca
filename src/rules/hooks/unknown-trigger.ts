import {
  classifyLegacyTrigger,
  HOOK_V1_TRIGGERS,
  isHookV1Trigger,
  LEGACY_HOOK_DOCUMENTED_TRIGGERS,
} from "../../model/hooks/hook-vocabulary.js";
import { LEGACY_TRIGGER_TO_V1 } from "../../model/hooks/migrate-legacy-hook.js";
import { jsonPathLocation } from "../../model/json/json-path-location.js";
import { closestMatches } from "../../model/text/closest-matches.js";
import { defineRule } from "../rule.js";
import { legacyHookTypes, v1Hooks } from "./raw-hook-values.js";

function suggestion(value: string, candidates: readonly string[]): string {
  const matches = closestMatches(value, candidates);
  const list = matches.length > 0 ? matches : candidates;
  return `${matches.length > 0 ? "Did you mean" : "Use one of"} ${list.map((name) => `"${name}"`).join(", ")}?`;
}

export const unknownTrigger = defineRule({
  id: "hooks/unknown-trigger",
  family: "hooks",
  severity: "error",
  summary:
    "A hook's trigger (`when.type` in 0.x hooks, `trigger` in 1.0 hook files) is not an event Kiro knows, so it never fires.",
  fix: "Use a trigger Kiro documents: fileEdited, fileCreated, fileDeleted, userTriggered, promptSubmit, agentStop, … (0.x) or PostFileSave, UserPromptSubmit, Stop, … (1.0).",
  *check(workspace) {
    for (const { path, document } of workspace.legacyHooks) {
      const trigger = legacyHookTypes(document.value).trigger;
      // `manual` and `agentComplete` are not documented but appear in real hooks Kiro wrote: not reported.
      if (!trigger || classifyLegacyTrigger(trigger.value) !== "unknown") continue;
      const v1 = isHookV1Trigger(trigger.value);
      yield {
        file: path,
        location: jsonPathLocation(document, trigger.path),
        message: v1
          ? `"${trigger.value}" is a Kiro 1.0 trigger; a 0.x \`.kiro.hook\` file does not know it, so the hook never fires.`
          : `Hook trigger "${trigger.value}" is not a Kiro event, so the hook never fires.`,
        fix: v1
          ? `Move the hook to a Kiro 1.0 file (.kiro/hooks/<name>.json with "version": "v1"), or use a 0.x trigger: ${suggestion(trigger.value, LEGACY_HOOK_DOCUMENTED_TRIGGERS)}`
          : suggestion(trigger.value, LEGACY_HOOK_DOCUMENTED_TRIGGERS),
      };
    }
    for (const { path, document } of workspace.hookFiles) {
      for (const { trigger } of v1Hooks(document.value)) {
        if (!trigger || isHookV1Trigger(trigger.value)) continue;
        const renamed = LEGACY_TRIGGER_TO_V1[trigger.value];
        yield {
          file: path,
          location: jsonPathLocation(document, trigger.path),
          message: renamed
            ? `"${trigger.value}" is a Kiro 0.x trigger name; Kiro 1.0 hook files call it "${renamed}".`
            : `Hook trigger "${trigger.value}" is not one of the Kiro 1.0 triggers Specwright knows, so the hook may never fire.`,
          fix: renamed ? `Write "trigger": "${renamed}".` : suggestion(trigger.value, HOOK_V1_TRIGGERS),
          // The 1.0 trigger list is partly unverified: an unlisted name is suspicious, not certainly wrong.
          ...(renamed ? {} : { severity: "warning" as const }),
        };
      }
    }
  },
});
