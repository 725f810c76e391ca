import { FILE_START } from "../../model/source/source-location.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";

/** The message that sends a document back: each finding with its position, rule and fix. */
export function repairMessage(findings: readonly CheckDiagnostic[], candidateFile: string): string {
  const lines = findings.map((finding) => {
    const where =
      finding.file === candidateFile
        ? `line ${finding.location.line}`
        : `${finding.file.slice(finding.file.lastIndexOf("/") + 1)} line ${finding.location.line}`;
    return `- ${where} [${finding.rule}, ${finding.severity}]: ${finding.message} Fix: ${finding.fix}`;
  });
  return [
    `\`specwright check\` found ${findings.length} problem${findings.length === 1 ? "" : "s"} in the document:`,
    "",
    ...lines,
    "",
    "Answer with the whole corrected document, markdown only, changing only what these problems need.",
  ].join("\n");
}

export const NOT_A_DOCUMENT_MESSAGE =
  "Your answer contained no markdown document (it must start with its `# ` title line). Answer with the whole document only: no preamble, no remarks.";

export const CUT_OFF_MESSAGE =
  "Your answer stopped at the output limit before the document was complete. Answer with the whole document again, written more concisely so that it fits.";

/** A problem with the model's answer as a whole (no document, cut off), reported like a finding of `file`. */
export function answerProblem(file: string, code: string, message: string): CheckDiagnostic {
  return {
    rule: `authoring/${code}`,
    severity: "error",
    file,
    location: FILE_START,
    message,
    fix: "Run the command again, or try another model (--model).",
  };
}
