import type { SpecAnalysis } from "./analyze-spec.js";
import { REVIEW_NOTE_KINDS } from "./review-notes.js";

const FINDING_LEVEL = { high: "error", medium: "warning", low: "note" } as const;

/** SARIF 2.1.0 of an analysis: review notes as `note`s, model findings by severity; for code scanning. */
export function analysisSarif(analysis: SpecAnalysis, version: string) {
  const region = (line: number, column: number) => ({ startLine: line, startColumn: column });
  const location = (file: string, line: number, column: number) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: "%SRCROOT%" },
      region: region(line, column),
    },
  });
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "specwright-analyze",
            version,
            informationUri: "https://github.com/specwright/specwright",
            rules: [
              ...REVIEW_NOTE_KINDS.map((kind) => ({ id: `analysis/${kind}`, shortDescription: { text: kind } })),
              { id: "analysis/requirements", shortDescription: { text: "Analyze Requirements finding" } },
            ],
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: "file:///" } },
        results: [
          ...analysis.notes.map((note) => ({
            ruleId: `analysis/${note.kind}`,
            level: "note",
            message: { text: note.message },
            locations: note.locations.map((where) => location(where.file, where.line, where.column)),
          })),
          ...(analysis.findings ?? []).map((finding) => ({
            ruleId: "analysis/requirements",
            level: FINDING_LEVEL[finding.severity],
            message: { text: `${finding.category}: ${finding.message} Suggested: ${finding.suggestedEdit}` },
            locations: [location(finding.file, finding.line, finding.column)],
          })),
        ],
      },
    ],
  };
}
