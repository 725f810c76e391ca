import { defineRule } from "../rule.js";
import { fieldReported, misspeltPatternKey } from "./front-matter-fields.js";

export const fileMatchWithoutPattern = defineRule({
  id: "steering/file-match-without-pattern",
  family: "steering",
  severity: "error",
  summary: "A steering file says `inclusion: fileMatch` but gives no `fileMatchPattern`, so Kiro never includes it.",
  fix: 'Add `fileMatchPattern: "**/*.ts"` (or a list of globs) under `inclusion: fileMatch`.',
  *check(workspace) {
    for (const { path, document } of workspace.steering) {
      if (document.inclusionMode !== "fileMatch" || document.fileMatchPatterns.length > 0) continue;
      // An empty or malformed `fileMatchPattern:` is already reported by steering/invalid-field.
      if (fieldReported(document, "fileMatchPattern")) continue;
      const location = document.inclusion?.location;
      if (!location) continue;
      const misspelt = misspeltPatternKey(document);
      yield {
        file: path,
        location,
        message: misspelt
          ? `\`inclusion: fileMatch\` needs \`fileMatchPattern\`; Kiro does not read \`${misspelt}\`, so this file is never included.`
          : "`inclusion: fileMatch` without a `fileMatchPattern`: no file can match, so Kiro never includes this file.",
        fix: misspelt
          ? `Rename \`${misspelt}\` to \`fileMatchPattern\`.`
          : 'Add `fileMatchPattern: "**/*.ts"` (the files this steering is about), or use `inclusion: manual`.',
      };
    }
  },
});
