import { codes, diagnosticFindings } from "../diagnostic-findings.js";
import { defineRule } from "../rule.js";

export const jsonSyntax = defineRule({
  id: "hooks/json-syntax",
  family: "hooks",
  severity: "error",
  summary: "A hook file (`.kiro.hook` or `.json`) is not valid JSON, so Kiro cannot load the hook.",
  fix: "Correct the JSON at the reported position (a missing comma or quote, a trailing comma, a comment).",
  check: (workspace) => diagnosticFindings([...workspace.legacyHooks, ...workspace.hookFiles], codes("json-syntax")),
});
