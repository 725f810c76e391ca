import { FILE_START } from "../../model/source/source-location.js";
import { defineRule } from "../rule.js";

export const unreadableFile = defineRule({
  id: "structure/unreadable-file",
  family: "structure",
  severity: "error",
  summary: "A `.kiro/` file that cannot be read as text (binary, invalid UTF-8, too large, permission denied).",
  fix: "Restore the file from version control, or save it as UTF-8 text.",
  *check(workspace) {
    for (const file of workspace.unreadable) {
      yield { file: file.path, location: FILE_START, message: file.message, fix: file.fix };
    }
  },
});
