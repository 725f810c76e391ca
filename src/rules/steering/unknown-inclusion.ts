import { codes, diagnosticFindings } from "../diagnostic-findings.js";
import { defineRule } from "../rule.js";

export const unknownInclusion = defineRule({
  id: "steering/unknown-inclusion",
  family: "steering",
  severity: "warning",
  summary: "A steering file's `inclusion:` is not one of Kiro's modes (always, fileMatch, manual, auto).",
  fix: "Use `inclusion: fileMatch` with a `fileMatchPattern` for conditional files, `manual` for files you name in chat, or `always`.",
  check: (workspace) => diagnosticFindings(workspace.steering, codes("steering-unknown-inclusion")),
});
