import { codes, diagnosticFindings } from "../diagnostic-findings.js";
import { defineRule } from "../rule.js";

export const missingField = defineRule({
  id: "hooks/missing-field",
  family: "hooks",
  severity: "error",
  summary:
    "A hook lacks a field Kiro needs (name, trigger, action, the action's prompt or command) or has one of the wrong type.",
  fix: "Add the missing field with the right type, as Kiro writes it (`when.type`, `then.type` and `then.prompt`/`then.command` for 0.x hooks).",
  check: (workspace) =>
    diagnosticFindings([...workspace.legacyHooks, ...workspace.hookFiles], codes("hook-invalid-shape")),
});
