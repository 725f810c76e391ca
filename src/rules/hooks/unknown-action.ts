import {
  classifyLegacyAction,
  HOOK_V1_ACTIONS,
  isHookV1ActionType,
  LEGACY_HOOK_DOCUMENTED_ACTIONS,
} from "../../model/hooks/hook-vocabulary.js";
import { jsonPathLocation } from "../../model/json/json-path-location.js";
import { closestMatches } from "../../model/text/closest-matches.js";
import { defineRule } from "../rule.js";
import { legacyHookTypes, v1Hooks } from "./raw-hook-values.js";

/** 0.x action names and the 1.0 action that does the same. */
const LEGACY_ACTION_TO_V1: Readonly<Record<string, string>> = {
  askAgent: "agent",
  sendMessage: "agent",
  runCommand: "command",
  shell: "command",
};

function suggestion(value: string, candidates: readonly string[]): string {
  const matches = closestMatches(value, candidates);
  const list = matches.length > 0 ? matches : candidates;
  return `${matches.length > 0 ? "Did you mean" : "Use"} ${list.map((name) => `"${name}"`).join(" or ")}?`;
}

export const unknownAction = defineRule({
  id: "hooks/unknown-action",
  family: "hooks",
  severity: "error",
  summary: "A hook's action type (`then.type` in 0.x hooks, `action.type` in 1.0 hook files) is not one Kiro runs.",
  fix: 'Use "askAgent" (with `prompt`) or "runCommand" (with `command`) in 0.x hooks; "agent" or "command" in 1.0 hook files.',
  *check(workspace) {
    for (const { path, document } of workspace.legacyHooks) {
      const action = legacyHookTypes(document.value).action;
      // `shell` and `sendMessage` are undocumented but appear in real hooks: not reported.
      if (!action || classifyLegacyAction(action.value) !== "unknown") continue;
      yield {
        file: path,
        location: jsonPathLocation(document, action.path),
        message: `Hook action "${action.value}" is not one Kiro runs, so the hook does nothing.`,
        fix: `${suggestion(action.value, LEGACY_HOOK_DOCUMENTED_ACTIONS)} ("askAgent" needs a "prompt", "runCommand" a "command".)`,
      };
    }
    for (const { path, document } of workspace.hookFiles) {
      for (const { action } of v1Hooks(document.value)) {
        if (!action || isHookV1ActionType(action.value)) continue;
        const renamed = LEGACY_ACTION_TO_V1[action.value];
        yield {
          file: path,
          location: jsonPathLocation(document, action.path),
          message: renamed
            ? `"${action.value}" is a Kiro 0.x action name; Kiro 1.0 hook files call it "${renamed}".`
            : `Hook action "${action.value}" is not one Kiro 1.0 runs, so the hook does nothing.`,
          fix: renamed
            ? `Write "type": "${renamed}" (with "${renamed === "agent" ? "prompt" : "command"}").`
            : `${suggestion(action.value, HOOK_V1_ACTIONS)} ("agent" needs a "prompt", "command" a "command".)`,
        };
      }
    }
  },
});
