import { jsonPathLocation } from "../../model/json/json-path-location.js";
import { defineRule } from "../rule.js";
import { globProblem, isCommaSeparated, splitTopLevelCommas } from "../steering/glob-problems.js";
import { legacyHookPatterns } from "./raw-hook-values.js";

export const invalidPattern = defineRule({
  id: "hooks/invalid-pattern",
  family: "hooks",
  severity: "error",
  summary:
    "A 0.x hook's `when.patterns` entry is not a usable glob (several globs in one string, unbalanced brackets, `\\` separators).",
  fix: 'Write one glob per array item: `"patterns": ["**/*.ts", "**/*.tsx"]`.',
  *check(workspace) {
    for (const { path, document } of workspace.legacyHooks) {
      for (const pattern of legacyHookPatterns(document.value)) {
        const location = jsonPathLocation(document, pattern.path);
        if (isCommaSeparated(pattern.value)) {
          const parts = splitTopLevelCommas(pattern.value);
          yield {
            file: path,
            location,
            message: `"${pattern.value}" is one glob with commas in it, not a list of globs, so it matches no file.`,
            fix: `Write each glob as its own item: ${parts.map((part) => JSON.stringify(part)).join(", ")}.`,
          };
          continue;
        }
        const problem = globProblem(pattern.value);
        if (!problem) continue;
        yield {
          file: path,
          location,
          message: `Hook pattern "${pattern.value}" is not a valid glob: ${problem}.`,
          fix: /\\[A-Za-z0-9_]/.test(pattern.value)
            ? `Write ${JSON.stringify(pattern.value.replace(/\\/g, "/"))}.`
            : "Correct the glob: balance `[]`, `{}` and `()` (escape a literal one with `\\`).",
        };
      }
    }
  },
});
