import { FILE_START } from "../../model/source/source-location.js";
import { defineRule, type Finding } from "../rule.js";
import type { SpecModel } from "../workspace-model.js";
import { draftOf, isSpecwrightRecord } from "./unknown-file-exemptions.js";

/** Files cc-sdd (another spec-driven tool) keeps in the same folders. */
const CC_SDD_FILES = new Set(["spec.json", "research.md", "brief.md"]);

export const unknownFile = defineRule({
  id: "structure/unknown-file",
  family: "structure",
  severity: "info",
  summary:
    "A file in a spec folder that Kiro does not read (only requirements.md, bugfix.md, design.md, tasks.md, .config.kiro and tasks.meta.json are); Specwright's own records (.specwright-approvals.json, runs/) are not reported, and a `<document>.draft` is reported as a draft awaiting review.",
  fix: "Move notes that the agent should see into design.md or a steering file; delete files nobody needs.",
  *check(workspace) {
    for (const spec of workspace.specs) {
      for (const name of spec.otherFiles) {
        if (isSpecwrightRecord(name)) continue;
        yield findingFor(spec, name);
      }
    }
  },
});

function findingFor(spec: SpecModel, name: string): Finding {
  const file = `${spec.path}/${name}`;
  const draft = draftOf(name);
  if (draft !== undefined) {
    return {
      file,
      location: FILE_START,
      message: `"${name}" is a draft of ${draft} awaiting review in spec "${spec.name}"; Kiro ignores it.`,
      fix: `Review it and fix what its check reported, then rename it to ${draft} (replacing the current one), or delete it.`,
    };
  }
  const fromCcSdd = CC_SDD_FILES.has(name);
  return {
    file,
    location: FILE_START,
    message: fromCcSdd
      ? `"${name}" comes from cc-sdd, not Kiro; Kiro ignores it in spec "${spec.name}".`
      : `"${name}" is not a Kiro spec file; Kiro ignores it in spec "${spec.name}".`,
    fix: fromCcSdd
      ? "Nothing to do if the team uses cc-sdd too; Kiro and Specwright read the spec without it."
      : "Move what the agent should see into design.md or a steering file, or move the file out of the spec folder.",
  };
}
