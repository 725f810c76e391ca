import type { AuthoredDocument } from "../engine/authoring/authored-document.js";
import type { AuthoringEvent } from "../engine/authoring/authoring-event.js";
import { renderAuthoringContextReport } from "../engine/authoring/context-report.js";
import type { UsageTotals } from "../engine/llm/model-session.js";
import type { CheckDiagnostic } from "../rules/check-result.js";
import { describePlanWavesOutcome, planWavesOutcomeJson } from "./commands/run-waves-output.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "./exit-codes.js";
import { formatUsageLine } from "./model-usage-output.js";
import { detectTerminal, paint } from "./terminal.js";

/** Progress of an authoring workflow on stderr (stdout stays for the result and `--json`). */
export function createAuthoringProgress(options: { readonly verbose: boolean }): (event: AuthoringEvent) => void {
  const terminal = detectTerminal(process.stderr);
  const line = (text: string) => process.stderr.write(`${paint(terminal, "dim", text)}\n`);
  return (event) => {
    switch (event.type) {
      case "context":
        if (options.verbose) line(renderAuthoringContextReport(event.report));
        return;
      case "questions":
        line(
          event.questions.length === 0
            ? "the model has no clarifying questions"
            : `the model asks ${event.questions.length} clarifying question${event.questions.length === 1 ? "" : "s"}`,
        );
        return;
      case "answers":
        return;
      case "questions-skipped":
        if (event.reason === "failed") {
          process.stderr.write(
            `${paint(terminal, "yellow", "warning:")} no clarifying questions: ${event.message ?? "the model could not produce them"} Writing the document from the request alone (--yes).\n`,
          );
        } else line("no clarifying questions (--no-questions)");
        return;
      case "generate":
        line(
          event.round === 0
            ? `writing ${event.document}.md…`
            : `repairing ${event.document}.md (round ${event.round})…`,
        );
        return;
      case "findings":
        line(`${event.document}.md: ${event.count} finding${event.count === 1 ? "" : "s"} to repair`);
        return;
    }
  };
}

/** The JSON shape of an authored document (paths relative to the root). */
export function authoredJson(result: AuthoredDocument, usage: UsageTotals): Record<string, unknown> {
  return {
    ok: result.status === "written",
    spec: result.spec,
    document: result.document,
    status: result.status,
    file: result.file,
    repairs: result.repairs,
    problems: result.problems.map(findingJson),
    findings: result.findings.map(findingJson),
    context: result.context,
    usage,
    ...(result.waves ? { waves: planWavesOutcomeJson(result.waves) } : {}),
  };
}

/** Prints what a phase produced and returns the exit code: 1 when only a draft was saved. */
export function printAuthored(result: AuthoredDocument, usage: UsageTotals, nextStep: string | undefined): number {
  const terminal = detectTerminal();
  const out = (text: string) => process.stdout.write(`${text}\n`);
  if (result.status === "written") {
    const repaired =
      result.repairs > 0 ? ` after ${result.repairs} repair round${result.repairs === 1 ? "" : "s"}` : "";
    out(`${paint(terminal, "green", "wrote")} ${result.file}${repaired}; it passes specwright check`);
    const notes = result.findings.filter((finding) => finding.severity !== "info");
    for (const finding of notes) out(`  ${paint(terminal, "yellow", "note")} ${describeFinding(finding)}`);
    if (result.waves) out(describePlanWavesOutcome(result.waves));
    if (nextStep !== undefined) out(`Next: ${nextStep}`);
  } else {
    out(
      `${paint(terminal, "red", "draft only")} ${result.file}: the document still has problems after ${result.repairs} repair round${result.repairs === 1 ? "" : "s"}, so nothing else was written`,
    );
    for (const problem of result.problems) out(`  ${describeFinding(problem)}`);
    out("Next: fix the draft by hand and rename it (drop .draft), or run the command again.");
  }
  // The usage line goes where every model command prints it: stderr, beside the progress.
  process.stderr.write(`${formatUsageLine(usage)}\n`);
  return result.status === "written" ? EXIT_SUCCESS : EXIT_FINDINGS;
}

/** One finding on one line, as every authoring command prints it. */
export function describeFinding(finding: CheckDiagnostic): string {
  return `${finding.file}:${finding.location.line} ${finding.rule} (${finding.severity}): ${finding.message}`;
}

/** One finding in an authoring command's `--json` output. */
export function findingJson(finding: CheckDiagnostic) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    file: finding.file,
    line: finding.location.line,
    column: finding.location.column,
    message: finding.message,
    fix: finding.fix,
  };
}

/**
 * Runs a command body that calls the model; when it fails after calls were made, the tokens and cost spent
 * are still printed (stderr), since they were spent and recorded.
 */
export async function withUsageOnFailure<T>(session: { totals(): UsageTotals }, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    const totals = session.totals();
    if (totals.calls > 0) process.stderr.write(`${formatUsageLine(totals)}\n`);
    throw error;
  }
}
