import { defineRule } from "../rule.js";
import { commandWrites } from "./command-writes.js";
import { enabledHookEntries, type HookEntry } from "./hook-entries.js";

export const conflictingWrites = defineRule({
  id: "hooks/conflicting-writes",
  family: "hooks",
  severity: "warning",
  summary: "Two hooks on the same event write the same file, so one overwrites or interleaves with the other.",
  fix: "Let one hook write the file, or give each its own file.",
  *check(workspace) {
    const writers = new Map<string, HookEntry>();
    for (const hook of enabledHookEntries(workspace)) {
      if (hook.event === undefined || hook.command === undefined) continue;
      for (const target of commandWrites(hook.command)) {
        const key = `${hook.event}\u0000${target}`;
        const first = writers.get(key);
        if (first === undefined) {
          writers.set(key, hook);
          continue;
        }
        if (first.file === hook.file && first.name === hook.name) continue;
        yield {
          file: hook.file,
          location: hook.commandLocation,
          message: `The hooks "${first.name}" (${first.file}) and "${hook.name}" both write ${target} on ${hook.event}.`,
          fix: `Let one of them write ${target}, or give each hook its own output file.`,
        };
      }
    }
  },
});
