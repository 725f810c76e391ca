import type { SteeringDocument } from "../../model/steering/index.js";
import { defineRule } from "../rule.js";
import { isCommaSeparated, splitTopLevelCommas } from "./glob-problems.js";

/** The `fileMatchPattern` line with every comma-separated string split into list items. */
function arrayForm(document: SteeringDocument): string {
  const patterns = document.fileMatchPatterns.flatMap(({ pattern }) =>
    isCommaSeparated(pattern) ? splitTopLevelCommas(pattern) : [pattern],
  );
  return `fileMatchPattern: [${patterns.map((pattern) => JSON.stringify(pattern)).join(", ")}]`;
}

export const commaSeparatedPattern = defineRule({
  id: "steering/comma-separated-pattern",
  family: "steering",
  severity: "error",
  summary:
    "A `fileMatchPattern` string lists several globs separated by commas; Kiro reads it as one glob that matches nothing (kirodotdev/Kiro#11095).",
  fix: 'Write the globs as a YAML list: `fileMatchPattern: ["**/*.ts", "**/*.tsx"]` (a brace glob `**/*.{ts,tsx}` also works).',
  *check(workspace) {
    for (const { path, document } of workspace.steering) {
      for (const { pattern, location } of document.fileMatchPatterns) {
        if (!isCommaSeparated(pattern)) continue;
        const parts = splitTopLevelCommas(pattern);
        yield {
          file: path,
          location,
          message:
            parts.length > 1
              ? `"${pattern}" is one glob with commas in it, not ${parts.length} globs: Kiro matches no file with it, so this steering file is never included.`
              : `"${pattern}" ends in a comma that is part of the glob: Kiro matches no file with it.`,
          fix: `Write \`${arrayForm(document)}\`.`,
        };
      }
    }
  },
});
