import { codes, diagnosticFindings } from "../diagnostic-findings.js";
import { defineRule } from "../rule.js";

/**
 * Unknown rule ids in the settings are reported under this id by run-rules (which knows the rule list); this
 * rule reports what the parser finds: JSON syntax and keys or values the schema does not allow.
 */
export const specwrightSchema = defineRule({
  id: "settings/specwright-schema",
  family: "settings",
  severity: "error",
  summary:
    "`.kiro/settings/specwright.json` is not valid JSON, has an unknown key or rule id, or a severity other than off, info, warning, error.",
  fix: "Keep to the keys documented in docs/settings.md (rules, model, baseUrl, limits, pricing, verify, agent); rule ids are listed in docs/rules.md.",
  check: (workspace) =>
    diagnosticFindings([workspace.specwrightSettings], codes("json-syntax", "settings/specwright-schema")),
});
