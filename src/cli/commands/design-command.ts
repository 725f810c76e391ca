import type { SpecDocumentKind } from "../../engine/authoring/spec-document-kind.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import type { ModelOptions } from "../model-options.js";

export interface PhaseOptions extends CommonOptions, ModelOptions {
  /** Approve the earlier documents on the way instead of refusing. */
  readonly yes?: boolean;
  readonly force?: boolean;
  readonly allRequired?: boolean;
  /** Revise the document from the requirements' changes since approval (`--update`). */
  readonly update?: boolean;
  readonly prune?: boolean;
}

/** `specwright design <spec>`: design.md from the approved requirements, steering and the repository inventory. */
export async function designCommand(spec: string, options: PhaseOptions): Promise<void> {
  await phaseCommand("design", spec, options);
}

/** `specwright requirements <spec>`: in a design-first spec, requirements.md (or bugfix.md) from the approved design. */
export async function requirementsCommand(spec: string, options: PhaseOptions): Promise<void> {
  await phaseCommand("requirements", spec, options);
}

/** The one body of `design`, `plan` and `requirements`: the engine writes, this prints. */
export async function phaseCommand(document: SpecDocumentKind, spec: string, options: PhaseOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    if (options.update && (document === "design" || document === "tasks")) {
      return (await import("./update-command.js")).updateCommand(document, spec, options);
    }
    const { authorDocument } = await import("../../engine/authoring/author-document.js");
    const { authoringRoot } = await import("../../engine/authoring/check-candidate-document.js");
    const { openModelSession } = await import("../model-options.js");
    const { authoredJson, createAuthoringProgress, printAuthored, withUsageOnFailure } = await import(
      "../authoring-output.js"
    );
    const cwd = process.cwd();
    const root = await authoringRoot({ cwd, ...(options.root ? { root: options.root } : {}) });
    const session = await openModelSession(options, { root, command: document === "tasks" ? "plan" : document });
    const target = await resolveFirstDocument(root, spec, document);
    const result = await withUsageOnFailure(session, () =>
      authorDocument({
        cwd,
        root,
        session,
        spec,
        document: target,
        // An estimate writes nothing, approvals included.
        ...(options.yes && options.estimate !== true ? { approveOnTheWay: true } : {}),
        ...(options.force ? { force: true } : {}),
        ...(options.allRequired ? { allRequired: true } : {}),
        onEvent: createAuthoringProgress({ verbose: options.verbose === true }),
      }),
    );
    await session.flush();
    const usage = session.totals();
    if (options.json) {
      printJson(authoredJson(result, usage));
      return result.status === "written" ? 0 : 1;
    }
    const next =
      result.document === "tasks"
        ? `review it, then specwright approve ${result.spec} tasks`
        : `review it, then specwright approve ${result.spec} ${result.document}`;
    return printAuthored(result, usage, next);
  });
}

/** `requirements` on a bugfix spec means its bug analysis, bugfix.md. */
async function resolveFirstDocument(root: string, spec: string, document: SpecDocumentKind): Promise<SpecDocumentKind> {
  if (document !== "requirements") return document;
  const { locateApprovalTarget } = await import("../../engine/approvals/spec-approval-inputs.js");
  const target = await locateApprovalTarget({ root, spec });
  return target.specType === "bugfix" ? "bugfix" : "requirements";
}
