import { defineRule } from "../rule.js";

const START = { offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

export const unreadableFile = defineRule({
  id: "structure/unreadable-file",
  family: "structure",
  severity: "error",
  summary: "A `.kiro/` file that cannot be read as text (binary, invalid UTF-8, too large, permission denied).",
  fix: "Restore the file from version control, or save it as UTF-8 text.",
  *check(workspace) {
    for (const file of workspace.unreadable) {
      yield { file: file.path, location: START, message: file.message, fix: file.fix };
    }
  },
});
