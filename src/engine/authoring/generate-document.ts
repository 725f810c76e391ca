import type { ModelMessage } from "ai";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { loadModelSettings } from "../llm/load-model-settings.js";
import type { ModelSession } from "../llm/model-session.js";
import type { AuthoringEventListener } from "./authoring-event.js";
import { DEFAULT_REPAIR_ROUNDS } from "./authoring-options.js";
import { type CandidateCheck, checkSpecWith } from "./check-candidate-document.js";
import { extractMarkdownDocument } from "./extract-markdown-document.js";
import { answerProblem, CUT_OFF_MESSAGE, NOT_A_DOCUMENT_MESSAGE, repairMessage } from "./repair-message.js";
import type { SpecDocumentKind } from "./spec-document-kind.js";

export interface GenerateDocumentOptions {
  readonly session: ModelSession;
  readonly root: string;
  readonly spec: string;
  readonly document: SpecDocumentKind;
  /** What the call is for, shown in progress and usage ("requirements", "refine design"). */
  readonly purpose: string;
  readonly system: string;
  /** The user message: the request and its context, already fitted to the context budget. */
  readonly context: string;
  /** Default: settings `limits.repairRounds`, else 2. */
  readonly repairRounds?: number | undefined;
  /**
   * The document as it is now, when it exists and is being revised: findings it already has are not the
   * model's to fix. Default: the spec without the document.
   */
  readonly baselineContent?: string;
  /** Deterministic changes applied to every answer before it is checked (recorded answers, `--all-required`). */
  readonly finish?: (document: string) => string;
  /** Checks beyond `specwright check`'s rules that the document must pass (the plan's depth). */
  readonly extraFindings?: (document: string, file: string) => readonly CheckDiagnostic[];
  readonly onEvent?: AuthoringEventListener;
}

export interface GeneratedDocument {
  /** True when the last answer is a complete document with no new findings. */
  readonly ok: boolean;
  /** The last document the model wrote; undefined when no answer was a document at all. */
  readonly content: string | undefined;
  readonly check: CandidateCheck | undefined;
  /** What is still wrong: findings the document adds to the spec, or why the answer is no document. */
  readonly problems: readonly CheckDiagnostic[];
  /** Repair rounds used (0 when the first answer passed). */
  readonly repairs: number;
  /** The model's last raw answer, for a message when it was no document. */
  readonly lastAnswer: string;
  /**
   * Why the repairs stopped early: a repair call failed (budget spent, server down). The last document is
   * still returned, so the caller can keep it as a draft before it reports the failure.
   */
  readonly interruptedBy?: unknown;
}

/**
 * Asks the model for a document and checks what it wrote with `specwright check`'s rules against the spec's
 * other documents; findings it introduces go back to the model for repair, up to `repairRounds` times.
 * Findings that were there before the document (in the other documents) are not its to fix. Nothing is
 * written here: the caller decides between the file and a draft.
 */
export async function generateDocument(options: GenerateDocumentOptions): Promise<GeneratedDocument> {
  const repairRounds =
    options.repairRounds ?? (await loadModelSettings(options.root)).limits?.repairRounds ?? DEFAULT_REPAIR_ROUNDS;
  const baseline = await checkSpecWith(options.root, options.spec, options.document, options.baselineContent);
  const known = new Set(baseline.findings.map(findingKey));
  const messages: ModelMessage[] = [{ role: "user", content: options.context }];
  let content: string | undefined;
  let check: CandidateCheck | undefined;
  let problems: CheckDiagnostic[] = [];
  let lastAnswer = "";
  for (let round = 0; round <= repairRounds; round++) {
    options.onEvent?.({
      type: "generate",
      document: options.document,
      action: options.baselineContent === undefined ? "write" : "revise",
      round,
    });
    let result: Awaited<ReturnType<ModelSession["generate"]>>;
    try {
      result = await options.session.generate({
        purpose: round === 0 ? options.purpose : `repair ${options.purpose}`,
        system: options.system,
        messages,
      });
    } catch (error) {
      // A document the model already wrote and paid for is not thrown away with the failed repair.
      if (content === undefined) throw error;
      return { ok: false, content, check, problems, repairs: round - 1, lastAnswer, interruptedBy: error };
    }
    lastAnswer = result.text;
    const extracted = extractMarkdownDocument(result.text);
    let feedback: string;
    if (extracted === undefined) {
      problems = [
        answerProblem(documentFile(options), "not-a-document", "The model's answer is not a markdown document."),
      ];
      feedback = NOT_A_DOCUMENT_MESSAGE;
    } else {
      content = options.finish ? options.finish(extracted) : extracted;
      check = await checkSpecWith(options.root, options.spec, options.document, content);
      const file = check.file;
      problems = [
        ...(options.extraFindings?.(content, file) ?? []),
        ...check.findings.filter(
          (finding) => isBlocking(finding, options.document, file) && !known.has(findingKey(finding)),
        ),
      ];
      if (result.finishReason === "length") {
        problems.unshift(answerProblem(documentFile(options), "cut-off", "The answer stopped at the output limit."));
        feedback = CUT_OFF_MESSAGE;
      } else {
        feedback = repairMessage(problems, file);
      }
      if (problems.length === 0) return { ok: true, content, check, problems, repairs: round, lastAnswer };
    }
    options.onEvent?.({ type: "findings", document: options.document, round, count: problems.length });
    // The model sees its answer as it was checked (recorded answers included), so line numbers match.
    messages.push(
      { role: "assistant", content: extracted === undefined ? result.text : (content ?? result.text) },
      { role: "user", content: feedback },
    );
  }
  return { ok: false, content, check, problems, repairs: repairRounds, lastAnswer };
}

/**
 * Errors and warnings in the document itself block; infos do not. A document is not blamed for what it
 * makes other documents report (a refined requirement the plan does not cover yet: the plan follows), except
 * that a plan must cover every criterion, which is reported in requirements.md.
 */
function isBlocking(finding: CheckDiagnostic, document: SpecDocumentKind, candidateFile: string): boolean {
  if (finding.severity === "info") return false;
  if (finding.rule === "traceability/uncovered-criterion") return document === "tasks";
  return finding.file === candidateFile;
}

/** Lines move when a document changes; a finding is the same when its rule, file and message are. */
function findingKey(finding: CheckDiagnostic): string {
  return `${finding.rule}\u0000${finding.file}\u0000${finding.message}`;
}

function documentFile(options: GenerateDocumentOptions): string {
  return `.kiro/specs/${options.spec}/${options.document}.md`;
}
