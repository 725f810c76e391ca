import { join } from "node:path";
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { editTextFile } from "../../workspace/edit-file.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { resetApproval } from "../approvals/reset-approval.js";
import { locateApprovalTarget } from "../approvals/spec-approval-inputs.js";
import { EngineError } from "../errors/engine-error.js";
import { type PlanWavesOutcome, refreshPlanWaves } from "../task-waves/write-plan-waves.js";
import { type AuthoredDocument, saveGeneratedDocument } from "./authored-document.js";
import type { AuthoringOptions } from "./authoring-options.js";
import type { ContextSection } from "./fit-context.js";
import { fitStepContext } from "./fit-step-context.js";
import { generateDocument } from "./generate-document.js";
import { loadPhasePrompt } from "./phase-prompt.js";
import { planShapeFindings } from "./plan-shape.js";
import { type SpecDocumentKind, specDocumentFileName } from "./spec-document-kind.js";

export interface RefineDocumentOptions extends AuthoringOptions {
  readonly spec: string;
  readonly document: SpecDocumentKind;
  readonly instruction: string;
  /** Checks beyond the rules that the revision must pass (`--update`'s guarantees); the repair loop sends them back. */
  readonly extraFindings?: (document: string, file: string) => readonly CheckDiagnostic[];
}

/** A refinement ready to review: the file as it was read, the revised text and their unified diff. */
export interface RefinementProposal {
  readonly root: string;
  readonly spec: string;
  readonly document: SpecDocumentKind;
  /** The document's path (absolute). */
  readonly path: string;
  readonly file: string;
  readonly before: string;
  readonly after: string;
  /** `createTwoFilesPatch` of before → after; empty when nothing changed. */
  readonly diff: string;
  /** Every finding of the spec with the revised document. */
  readonly findings: readonly CheckDiagnostic[];
  readonly repairs: number;
  readonly context: AuthoredDocument["context"];
}

export type RefinementOutcome =
  | { readonly status: "proposed"; readonly proposal: RefinementProposal }
  /** The revision still failed its checks: only a draft was written, the document is unchanged. */
  | { readonly status: "draft"; readonly draft: AuthoredDocument };

/**
 * Asks the model to revise a document as it is on disk now (manual edits included, and kept), checks and
 * repairs the revision, and returns it with a diff for review; nothing changes until `applyRefinement`.
 */
export async function refineDocument(options: RefineDocumentOptions): Promise<RefinementOutcome> {
  const instruction = options.instruction.trim();
  if (instruction === "") {
    throw new EngineError({
      code: "empty-instruction",
      kind: "usage",
      message: "The instruction is empty: there is nothing to refine.",
      fix: 'Say what to change, e.g. specwright refine rate-limiting requirements "admin users are exempt".',
    });
  }
  const target = await locateApprovalTarget(options);
  const { root, folder } = target;
  const name = specDocumentFileName(options.document);
  const path = join(folder.path, name);
  if (!(await pathExists(path))) {
    throw new EngineError({
      code: "missing-document",
      message: `Spec "${target.spec}" has no ${name} to refine.`,
      fix: `Write it first (${options.document === "tasks" ? "specwright plan" : options.document === "design" ? "specwright design" : "specwright new"} ${target.spec}).`,
      path,
    });
  }
  const before = await readTextFile(path);
  const sections: ContextSection[] = [
    { source: "instruction", title: "Instruction", text: instruction, reason: "the request", required: true },
    {
      source: name,
      title: `Current ${name} (as on disk now; keep what the instruction does not touch)`,
      text: before,
      reason: "the document to revise",
      required: true,
    },
  ];
  for (const phase of target.order) {
    if (phase === options.document) continue;
    const other = join(folder.path, specDocumentFileName(phase));
    if (!(await pathExists(other))) continue;
    sections.push({
      source: specDocumentFileName(phase),
      title: `${specDocumentFileName(phase)} of the same spec (for reference, not to be changed)`,
      text: await readTextFile(other),
      reason: "another document of the spec",
      required: false,
    });
  }
  const fitted = await fitStepContext(options, { root, prompt: instruction, sections, withInventory: false });
  const system = await loadPhasePrompt(root, "refine");
  const generated = await generateDocument({
    session: options.session,
    root,
    spec: target.spec,
    document: options.document,
    purpose: `refine ${options.document}`,
    system: system.text,
    context: `Revise ${name} of the spec "${target.spec}" as instructed.\n\n${fitted.text}`,
    repairRounds: options.repairRounds,
    baselineContent: before,
    extraFindings: (document: string, file: string) => [
      ...(options.document === "tasks" ? planShapeFindings(document, file) : []),
      ...(options.extraFindings?.(document, file) ?? []),
    ],
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  if (!generated.ok || generated.content === undefined) {
    const draft = await saveGeneratedDocument({
      root,
      spec: target.spec,
      folder: folder.path,
      document: options.document,
      generated,
      context: fitted.report,
    });
    return { status: "draft", draft };
  }
  const after = keepLineEndings(before, generated.content);
  return {
    status: "proposed",
    proposal: {
      root,
      spec: target.spec,
      document: options.document,
      path,
      file: `.kiro/specs/${target.spec}/${name}`,
      before,
      after,
      diff:
        before === after
          ? ""
          : createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
              headerOptions: FILE_HEADERS_ONLY,
            }),
      findings: generated.check?.findings ?? [],
      repairs: generated.repairs,
      context: fitted.report,
    },
  };
}

/**
 * Applies a reviewed refinement: atomically, under the file's lock, and only if the file is still exactly
 * what was revised; a file edited meanwhile is refused and left as it is. The phase's approval is reset,
 * since the approved content changed.
 */
export async function applyRefinement(
  proposal: RefinementProposal,
): Promise<{ readonly changed: boolean; readonly waves?: PlanWavesOutcome }> {
  const result = await editTextFile(proposal.path, (current) => {
    if (current !== proposal.before) {
      throw new EngineError({
        code: "changed-meanwhile",
        message: `${proposal.file} changed on disk while the refinement was being reviewed; it was left as it is now.`,
        fix: `Run the refine command again: it revises the file as it is now.`,
        path: proposal.path,
      });
    }
    return proposal.after;
  });
  if (result.changed) await resetApproval({ root: proposal.root, spec: proposal.spec, phase: proposal.document });
  // A revised plan (`plan --update`, `refine … tasks`) gets its waves written again.
  if (!result.changed || proposal.document !== "tasks") return { changed: result.changed };
  return {
    changed: true,
    waves: await refreshPlanWaves({ cwd: proposal.root, root: proposal.root, spec: proposal.spec }),
  };
}

/** A model answers with `\n`; a file written with CRLF keeps CRLF, so the diff shows only real changes. */
function keepLineEndings(original: string, revised: string): string {
  const bom = original.startsWith("\uFEFF") && !revised.startsWith("\uFEFF") ? "\uFEFF" : "";
  const crlf = original.includes("\r\n");
  return `${bom}${crlf ? revised.replace(/\r?\n/g, "\r\n") : revised}`;
}
