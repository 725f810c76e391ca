import { defineRule } from "../rule.js";
import { fieldReported } from "./front-matter-fields.js";

export const patternWithOtherMode = defineRule({
  id: "steering/pattern-with-other-mode",
  family: "steering",
  severity: "warning",
  summary:
    "A steering file has a `fileMatchPattern` but its inclusion is not `fileMatch`, so Kiro ignores the pattern.",
  fix: "Add `inclusion: fileMatch` if the file should only join when a matching file is in play; otherwise remove `fileMatchPattern`.",
  *check(workspace) {
    for (const { path, document } of workspace.steering) {
      const mode = document.inclusionMode;
      if (mode === "fileMatch" || mode === "unknown" || document.fileMatchPatterns.length === 0) continue;
      const patternField = document.frontMatter?.fields.find((field) => field.key === "fileMatchPattern");
      // An empty or malformed `inclusion:` is steering/invalid-field's finding; its fix says what to write.
      if (!patternField || fieldReported(document, "inclusion")) continue;
      if (!document.inclusion) {
        // No `inclusion:` means always: the author almost certainly meant the pattern to restrict the file.
        yield {
          file: path,
          location: patternField.keyLocation,
          message:
            "`fileMatchPattern` without `inclusion: fileMatch`: Kiro includes this file in every request and ignores the pattern.",
          fix: "Add `inclusion: fileMatch` to the front matter.",
        };
        continue;
      }
      yield {
        file: path,
        location: patternField.keyLocation,
        message: `\`fileMatchPattern\` has no effect with \`inclusion: ${mode}\`.`,
        fix: `Remove \`fileMatchPattern\`, or use \`inclusion: fileMatch\` if the file should only join when a matching file is in play.`,
        // The mode was chosen explicitly; a left-over pattern is untidy rather than wrong.
        severity: "info",
      };
    }
  },
});
