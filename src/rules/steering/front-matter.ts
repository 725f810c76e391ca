import { diagnosticFindings } from "../diagnostic-findings.js";
import { defineRule } from "../rule.js";

export const frontMatter = defineRule({
  id: "steering/front-matter",
  family: "steering",
  severity: "error",
  summary: "A steering file's front matter is not readable YAML (syntax error, no closing `---`, not `key: value`).",
  fix: "Correct the front matter: `---`, one `key: value` per line, `---`; Kiro ignores settings it cannot read.",
  check: (workspace) => diagnosticFindings(workspace.steering, (code) => code.startsWith("front-matter-")),
});
