import type { CheckDiagnostic } from "./check-result.js";
import type { Rule } from "./rule.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, every rule with help text, results with
 * physical locations relative to the repository root (`%SRCROOT%`).
 */
export function toSarif(diagnostics: readonly CheckDiagnostic[], rules: readonly Rule[], version: string) {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "specwright",
            version,
            informationUri: "https://github.com/specwright/specwright",
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/[/-](\w)/g, (_, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.summary },
              fullDescription: { text: rule.summary },
              help: { text: `${rule.summary}\nFix: ${rule.fix}`, markdown: `${rule.summary}\n\n**Fix:** ${rule.fix}` },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { tags: [rule.family] },
            })),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: "file:///" } },
        results: diagnostics.map((diagnostic) => ({
          ruleId: diagnostic.rule,
          ...(ruleIndex.has(diagnostic.rule) ? { ruleIndex: ruleIndex.get(diagnostic.rule) } : {}),
          level: LEVEL[diagnostic.severity],
          message: { text: `${diagnostic.message} Fix: ${diagnostic.fix}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(diagnostic.file), uriBaseId: "%SRCROOT%" },
                region: {
                  startLine: diagnostic.location.line,
                  startColumn: diagnostic.location.column,
                  endLine: diagnostic.location.endLine,
                  endColumn: Math.max(diagnostic.location.endColumn, diagnostic.location.column),
                },
              },
            },
          ],
        })),
      },
    ],
  };
}
