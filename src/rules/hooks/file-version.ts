import { codes, diagnosticFindings } from "../diagnostic-findings.js";
import { defineRule } from "../rule.js";

export const fileVersion = defineRule({
  id: "hooks/file-version",
  family: "hooks",
  severity: "warning",
  summary: 'A Kiro 1.0 hook file (`.kiro/hooks/*.json`) has a `version` other than "v1", the only one Kiro reads.',
  fix: 'Set `"version": "v1"`.',
  check: (workspace) => diagnosticFindings(workspace.hookFiles, codes("hook-file-version")),
});
