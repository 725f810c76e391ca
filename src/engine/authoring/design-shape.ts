import { parseDesign } from "../../model/design/parse-design.js";
import type { SourceLocation } from "../../model/source/source-location.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";

/** The sections a generated feature design has, in Kiro's order. */
export const DESIGN_SECTIONS = [
  "Overview",
  "Architecture",
  "Components and Interfaces",
  "Data Models",
  "Correctness Properties",
  "Error Handling",
  "Testing Strategy",
] as const;

const START: SourceLocation = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };

/**
 * What `check` does not ask of a hand-written design but a generated one must have: every section, a mermaid
 * diagram, correctness properties, and (once requirements exist) a `**Validates:**` line on each property.
 */
export function designShapeFindings(
  text: string,
  file: string,
  options: { readonly requireValidates: boolean },
): CheckDiagnostic[] {
  const design = parseDesign(text);
  const finding = (location: SourceLocation, message: string, fix: string): CheckDiagnostic => ({
    rule: "authoring/design-shape",
    severity: "error",
    file,
    location,
    message,
    fix,
  });
  const titles = design.sections.filter((section) => section.level === 2).map((section) => section.title.toLowerCase());
  const findings = DESIGN_SECTIONS.filter((name) => !titles.some((title) => title.startsWith(name.toLowerCase()))).map(
    (name) => finding(START, `The design has no "## ${name}" section.`, `Add a "## ${name}" section.`),
  );
  if (design.mermaidBlocks.length === 0) {
    findings.push(
      finding(
        START,
        "The design has no mermaid diagram.",
        "Add the architecture as a ```mermaid block under ## Architecture.",
      ),
    );
  }
  if (design.properties.length === 0) {
    findings.push(
      finding(
        START,
        "The design has no correctness properties.",
        "Add `### Property 1: …` entries under ## Correctness Properties, each with **Validates: Requirements N.M**.",
      ),
    );
  }
  if (options.requireValidates) {
    for (const property of design.properties) {
      if (property.validates !== undefined) continue;
      findings.push(
        finding(
          property.location,
          `Property ${property.number} does not say which criteria it validates.`,
          "Add a `**Validates: Requirements N.M, …**` line naming existing criteria.",
        ),
      );
    }
  }
  return findings;
}
