import { defineRule } from "../rule.js";
import { enabledHookEntries } from "./hook-entries.js";

/** A hook on saves or deletions of files that do not exist never runs; one on creations may wait for them. */
const EVENTS_ON_EXISTING_FILES = new Set(["file-saved", "file-deleted"]);

export const patternMatchesNothing = defineRule({
  id: "hooks/pattern-matches-nothing",
  family: "hooks",
  severity: "warning",
  summary: "A file hook's patterns (0.x) or matcher (1.0) match no file of the repository, so it never runs.",
  fix: "Correct the pattern (paths are relative to the workspace root, e.g. `src/**/*.ts`), or remove the hook.",
  *check(workspace) {
    const files = workspace.repositoryFiles;
    if (files === undefined) return;
    for (const hook of enabledHookEntries(workspace)) {
      if (hook.matcher === undefined || hook.event === undefined || !EVENTS_ON_EXISTING_FILES.has(hook.event)) continue;
      let regex: RegExp;
      try {
        regex = new RegExp(hook.matcher);
      } catch {
        continue; // hooks/invalid-matcher reports it.
      }
      if (files.some((file) => regex.test(file))) continue;
      yield {
        file: hook.file,
        location: hook.matcherLocation,
        message: `The hook "${hook.name}" matches no file of the repository (${hook.matcher}), so it never runs.`,
        fix: "Check the path against the repository (it is relative to the workspace root), e.g. `specwright hook test <name> --file src/a.ts`.",
      };
    }
  },
});
