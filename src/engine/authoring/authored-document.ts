import { join, relative, sep } from "node:path";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { writeFileAtomic } from "../../workspace/atomic-write.js";
import { EngineError } from "../errors/engine-error.js";
import type { PlanWavesOutcome } from "../task-waves/write-plan-waves.js";
import type { ContextReport } from "./context-report.js";
import type { GeneratedDocument } from "./generate-document.js";
import { type SpecDocumentKind, specDocumentFileName } from "./spec-document-kind.js";

/** What a phase produced: the document in place, or only a draft beside it with what is still wrong. */
export interface AuthoredDocument {
  readonly root: string;
  readonly spec: string;
  readonly document: SpecDocumentKind;
  readonly status: "written" | "draft";
  /** The written file or the draft (absolute). */
  readonly path: string;
  /** The same, relative to the root with `/`. */
  readonly file: string;
  /** What still fails (a draft), empty for a written document. */
  readonly problems: readonly CheckDiagnostic[];
  /** Every finding of the spec with the new document, infos and other documents' included. */
  readonly findings: readonly CheckDiagnostic[];
  readonly repairs: number;
  readonly context: ContextReport;
  /** A written tasks.md: the waves written into tasks.meta.json, or why not. */
  readonly waves?: PlanWavesOutcome;
}

export const DRAFT_SUFFIX = ".draft";

/**
 * Puts a generated document where it belongs: a document that passed goes into the spec folder through
 * `write` (atomic); one that still fails goes only to `<file>.draft`, so no broken file is ever in place.
 */
export async function saveGeneratedDocument(input: {
  readonly root: string;
  readonly spec: string;
  readonly folder: string;
  readonly document: SpecDocumentKind;
  readonly generated: GeneratedDocument;
  readonly context: ContextReport;
  readonly write?: (path: string, content: string) => Promise<void>;
  readonly writeDraft?: (path: string, content: string) => Promise<void>;
}): Promise<AuthoredDocument> {
  const { generated } = input;
  const name = specDocumentFileName(input.document);
  if (generated.content === undefined) {
    const answer = generated.lastAnswer.trim();
    throw new EngineError({
      code: "no-document",
      message:
        answer === ""
          ? `The model returned nothing instead of ${name}; nothing was written.`
          : `The model did not write ${name} (it answered: "${answer.slice(0, 200)}${answer.length > 200 ? "…" : ""}"); nothing was written.`,
      fix: "Run the command again; if the model keeps refusing, rephrase the request or choose another model (--model).",
    });
  }
  const target = join(input.folder, name);
  const path = generated.ok ? target : `${target}${DRAFT_SUFFIX}`;
  if (generated.ok) await (input.write ?? writeFileAtomic)(path, generated.content);
  else await (input.writeDraft ?? writeFileAtomic)(path, generated.content);
  if (generated.interruptedBy !== undefined) throw interruptedWithDraft(generated.interruptedBy, input.root, path);
  return {
    root: input.root,
    spec: input.spec,
    document: input.document,
    status: generated.ok ? "written" : "draft",
    path,
    file: relative(input.root, path).split(sep).join("/"),
    problems: generated.problems,
    findings: generated.check?.findings ?? [],
    repairs: generated.repairs,
    context: input.context,
  };
}

/** The failure that stopped the repairs, saying where the last document went. */
function interruptedWithDraft(error: unknown, root: string, draft: string): unknown {
  if (!(error instanceof EngineError)) return error;
  const file = relative(root, draft).split(sep).join("/");
  return new EngineError({
    code: error.code,
    kind: error.kind,
    message: `${error.message} The model's last document, with findings still to repair, is kept in ${file}.`,
    fix: error.fix,
    candidates: error.candidates,
    path: draft,
  });
}
