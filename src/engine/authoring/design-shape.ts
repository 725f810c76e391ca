import { KIRO_DESIGN_SECTIONS } from "../../model/design/design-sections.js";
import { parseDesign } from "../../model/design/parse-design.js";
import { FILE_START, type SourceLocation } from "../../model/source/source-location.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";

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
  const findings = KIRO_DESIGN_SECTIONS.filter(
    (name) => !titles.some((title) => title.startsWith(name.toLowerCase())),
  ).map((name) => finding(FILE_START, `The design has no "## ${name}" section.`, `Add a "## ${name}" section.`));
  if (design.mermaidBlocks.length === 0) {
    findings.push(
      finding(
        FILE_START,
        "The design has no mermaid diagram.",
        "Add the architecture as a ```mermaid block under ## Architecture.",
      ),
    );
  }
  if (design.properties.length === 0) {
    findings.push(
      finding(
        FILE_START,
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
