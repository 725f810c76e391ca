import { join } from "node:path";
import { writeFileAtomic } from "../../workspace/atomic-write.js";
import { createFileExclusive } from "../../workspace/create-file-exclusive.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { requireApproved } from "../approvals/require-approved.js";
import { locateApprovalTarget } from "../approvals/spec-approval-inputs.js";
import { EngineError } from "../errors/engine-error.js";
import { refreshPlanWaves } from "../task-waves/write-plan-waves.js";
import { type AuthoredDocument, saveGeneratedDocument } from "./authored-document.js";
import type { AuthoringOptions } from "./authoring-options.js";
import { designShapeFindings } from "./design-shape.js";
import type { ContextSection } from "./fit-context.js";
import { fitStepContext } from "./fit-step-context.js";
import { generateDocument } from "./generate-document.js";
import { loadPhasePrompt } from "./phase-prompt.js";
import { makeAllTasksRequired, planShapeFindings } from "./plan-shape.js";
import { type SpecDocumentKind, specDocumentFileName } from "./spec-document-kind.js";
import { isUnfilledTemplate } from "./write-spec-document.js";

export interface AuthorDocumentOptions extends AuthoringOptions {
  readonly spec: string;
  /** The document to write: `design`, `tasks`, or in a design-first spec `requirements`/`bugfix`. */
  readonly document: SpecDocumentKind;
  /** Approve the earlier documents that are not approved yet instead of refusing (`--yes`). */
  readonly approveOnTheWay?: boolean;
  /** Replace the document when it exists (an unfilled template is replaced without it). */
  readonly force?: boolean;
  /** For `tasks`: no optional test tasks. */
  readonly allRequired?: boolean;
}

/**
 * Writes the next document of a spec with the model: refuses unless the documents before it are approved,
 * gives the model those documents, the steering (and for a design the repository inventory), checks and
 * repairs the answer, and writes it, or only a draft when it still fails.
 */
export async function authorDocument(options: AuthorDocumentOptions): Promise<AuthoredDocument> {
  const target = await locateApprovalTarget(options);
  const { root, folder } = target;
  const index = target.order.indexOf(options.document);
  if (index < 0) {
    throw new EngineError({
      code: "unknown-phase",
      kind: "usage",
      message: `Spec "${target.spec}" (${target.specType}) has no ${options.document} document.`,
      fix: `Its documents are ${target.order.map((phase) => specDocumentFileName(phase)).join(", ")}.`,
    });
  }
  if (index === 0) {
    throw new EngineError({
      code: "first-document",
      kind: "usage",
      message: `${specDocumentFileName(options.document)} is the first document of "${target.spec}": it is written from the request, which only \`specwright new\` has.`,
      fix: `Change it with \`specwright refine ${target.spec} ${options.document} "<instruction>"\`, or write it anew with \`specwright new ${target.spec} "<prompt>" --force\`.`,
    });
  }
  const earlier = target.order.slice(0, index);
  const previous = earlier.at(-1);
  if (previous !== undefined) {
    await requireApproved({
      root,
      spec: target.spec,
      phase: previous,
      ...(options.approveOnTheWay ? { approveOnTheWay: true } : {}),
    });
  }
  const name = specDocumentFileName(options.document);
  const path = join(folder.path, name);
  const existed = await pathExists(path);
  if (existed && options.force !== true && !isUnfilledTemplate(await readTextFile(path))) {
    throw new EngineError({
      code: "document-exists",
      message: `${name} of "${target.spec}" already exists; it was left unchanged.`,
      fix: `Change it with \`specwright refine ${target.spec} ${options.document} "<instruction>"\` (manual edits are kept), or pass --force to write it anew.`,
      path,
    });
  }
  const sections: ContextSection[] = [];
  for (const phase of earlier) {
    const file = specDocumentFileName(phase);
    sections.push({
      source: file,
      title: `Approved ${file}`,
      text: await readTextFile(join(folder.path, file)),
      reason: "approved earlier document of the spec",
      required: true,
    });
  }
  if (options.document === "tasks" && options.allRequired) {
    sections.push({
      source: "--all-required",
      title: "Instructions",
      text: "Make every task required: write no optional `[ ]*` tasks, test tasks included.",
      reason: "--all-required",
      required: true,
    });
  }
  const fitted = await fitStepContext(options, {
    root,
    prompt: sections.map((section) => section.text).join("\n"),
    sections,
    withInventory: options.document === "design",
  });
  const system = await loadPhasePrompt(root, options.document);
  const generated = await generateDocument({
    session: options.session,
    root,
    spec: target.spec,
    document: options.document,
    purpose: options.document,
    system: system.text,
    context: `Write ${name} for the spec "${target.spec}".\n\n${fitted.text}`,
    repairRounds: options.repairRounds,
    ...(options.document === "tasks"
      ? {
          extraFindings: planShapeFindings,
          ...(options.allRequired ? { finish: makeAllTasksRequired } : {}),
        }
      : {}),
    ...(options.document === "design" && target.specType === "feature"
      ? { extraFindings: (text: string, file: string) => designShapeFindings(text, file, { requireValidates: true }) }
      : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const authored = await saveGeneratedDocument({
    root,
    spec: target.spec,
    folder: folder.path,
    document: options.document,
    generated,
    context: fitted.report,
    write: existed ? writeFileAtomic : createNew,
  });
  if (authored.document !== "tasks" || authored.status !== "written") return authored;
  // The plan's waves go beside it in Kiro's format, so `run --parallel` and Kiro agree on them.
  return { ...authored, waves: await refreshPlanWaves({ cwd: root, root, spec: target.spec }) };
}

/** A document that did not exist when the phase started must not replace one written meanwhile. */
async function createNew(path: string, content: string): Promise<void> {
  if ((await createFileExclusive(path, content)) === "exists") {
    throw new EngineError({
      code: "document-exists",
      message: `${path} was created by someone else while the model was writing; it was left unchanged.`,
      fix: "Compare it with what you expected, then refine it, or run the command again with --force.",
      path,
    });
  }
}
