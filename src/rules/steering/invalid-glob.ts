import { defineRule } from "../rule.js";
import { globProblem, isCommaSeparated } from "./glob-problems.js";

export const invalidGlob = defineRule({
  id: "steering/invalid-glob",
  family: "steering",
  severity: "error",
  summary: "A `fileMatchPattern` is not a valid glob (unbalanced brackets or braces, empty, Windows separators).",
  fix: "Correct the glob, e.g. `src/**/*.{ts,tsx}`: balance `[]`, `{}` and `()`, use `/` between folders.",
  *check(workspace) {
    for (const { path, document } of workspace.steering) {
      for (const { pattern, location } of document.fileMatchPatterns) {
        // A comma-separated list is reported by steering/comma-separated-pattern: one finding per pattern.
        if (isCommaSeparated(pattern)) continue;
        const problem = globProblem(pattern);
        if (!problem) continue;
        yield {
          file: path,
          location,
          message: `fileMatchPattern "${pattern}" is not a valid glob: ${problem}.`,
          fix: /\\[A-Za-z0-9_]/.test(pattern)
            ? `Write \`"${pattern.replace(/\\/g, "/")}"\`.`
            : "Correct the glob: balance `[]`, `{}` and `()` (escape a literal one with `\\`), or remove the pattern.",
        };
      }
    }
  },
});
