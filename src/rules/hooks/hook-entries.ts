import { globsToRegexSource } from "../../model/hooks/glob-to-regex.js";
import { type HookEvent, hookEventOf } from "../../model/hooks/hook-events.js";
import type { JsonPath } from "../../model/json/json-path.js";
import { jsonPathLocation } from "../../model/json/json-path-location.js";
import type { SourceLocation } from "../../model/source/source-location.js";
import type { WorkspaceModel } from "../workspace-model.js";

/** An enabled, well-formed hook of either format, as the rules about what hooks do see it. */
export interface HookEntry {
  readonly file: string;
  readonly name: string;
  readonly event: HookEvent | undefined;
  /** The file matcher as a regex source (0.x globs converted), when there is one. */
  readonly matcher: string | undefined;
  readonly matcherLocation: SourceLocation;
  readonly command: string | undefined;
  readonly commandLocation: SourceLocation;
}

export function* enabledHookEntries(workspace: WorkspaceModel): Generator<HookEntry> {
  for (const { path, document } of workspace.legacyHooks) {
    const hook = document.data;
    if (hook === undefined || hook.enabled === false) continue;
    const patterns = hook.when.patterns ?? [];
    const at = (jsonPath: JsonPath) => jsonPathLocation(document, jsonPath);
    yield {
      file: path,
      name: hook.name,
      event: hookEventOf("legacy", hook.when.type),
      matcher: patterns.length > 0 ? globsToRegexSource(patterns) : undefined,
      matcherLocation: at(["when", "patterns"]),
      command: hook.then.command,
      commandLocation: at(["then", "command"]),
    };
  }
  for (const { path, document } of workspace.hookFiles) {
    const hooks = document.hookFile?.hooks ?? [];
    for (const [index, hook] of hooks.entries()) {
      if (hook.enabled === false) continue;
      const at = (jsonPath: JsonPath) => jsonPathLocation(document, jsonPath);
      yield {
        file: path,
        name: hook.name,
        event: hookEventOf("v1", hook.trigger),
        matcher: hook.matcher,
        matcherLocation: at(["hooks", index, "matcher"]),
        command: hook.action.type === "command" ? hook.action.command : undefined,
        commandLocation: at(["hooks", index, "action", "command"]),
      };
    }
  }
}
