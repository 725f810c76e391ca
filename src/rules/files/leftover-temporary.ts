import { FILE_START } from "../../model/source/source-location.js";
import { defineRule } from "../rule.js";

export const leftoverTemporary = defineRule({
  id: "structure/leftover-temporary",
  family: "structure",
  severity: "warning",
  summary:
    "A temporary file or lock folder left by a Specwright process that died mid-write (`.<file>.tmp.<pid>.<hex>`, `.<file>.lock.new.…`, `.<file>.lock.stale.…`); the file it belongs to is intact, and the next write in that folder removes it.",
  fix: "Run any Specwright command that writes in that folder (it cleans up), or delete the leftover; do not commit it.",
  *check(workspace) {
    for (const path of workspace.leftovers ?? []) {
      const name = path.split("/").at(-1) ?? path;
      const pid = /\.(\d+)\.[0-9a-f]+$/.exec(name)?.[1];
      yield {
        file: path,
        location: FILE_START,
        message: `${path} is a leftover of Specwright process ${pid ?? "?"}, which is no longer running.`,
        fix: `Delete it (\`rm -r ${path}\`), or let the next Specwright write in its folder remove it; do not commit it.`,
      };
    }
  },
});
