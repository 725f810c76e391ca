import { defineRule } from "../rule.js";
import { FILE_START } from "./file-start.js";

/** Files cc-sdd (another spec-driven tool) keeps in the same folders. */
const CC_SDD_FILES = new Set(["spec.json", "research.md", "brief.md"]);

export const unknownFile = defineRule({
  id: "structure/unknown-file",
  family: "structure",
  severity: "info",
  summary:
    "A file in a spec folder that Kiro does not read (only requirements.md, bugfix.md, design.md, tasks.md, .config.kiro and tasks.meta.json are).",
  fix: "Move notes that the agent should see into design.md or a steering file; delete files nobody needs.",
  *check(workspace) {
    for (const spec of workspace.specs) {
      for (const name of spec.otherFiles) {
        const fromCcSdd = CC_SDD_FILES.has(name);
        yield {
          file: `${spec.path}/${name}`,
          location: FILE_START,
          message: fromCcSdd
            ? `"${name}" comes from cc-sdd, not Kiro; Kiro ignores it in spec "${spec.name}".`
            : `"${name}" is not a Kiro spec file; Kiro ignores it in spec "${spec.name}".`,
          fix: fromCcSdd
            ? "Nothing to do if the team uses cc-sdd too; Kiro and Specwright read the spec without it."
            : "Move what the agent should see into design.md or a steering file, or move the file out of the spec folder.",
        };
      }
    }
  },
});
