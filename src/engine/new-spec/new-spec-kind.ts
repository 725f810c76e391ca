import type { SpecType } from "../../model/settings/spec-config-schema.js";
import type { NewSpecWorkflow } from "../../model/templates/spec-templates.js";
import { EngineError } from "../errors/engine-error.js";

/**
 * The type and workflow of a new spec, defaults filled in (`feature`, `requirements-first`); refuses a
 * design-first bugfix, since a bugfix spec starts from the bug analysis. The same for templates and the model.
 */
export function resolveNewSpecKind(options: {
  readonly type?: SpecType | undefined;
  readonly workflow?: NewSpecWorkflow | undefined;
}): { readonly type: SpecType; readonly workflow: NewSpecWorkflow } {
  const type = options.type ?? "feature";
  const workflow = options.workflow ?? "requirements-first";
  if (type === "bugfix" && workflow === "design-first") {
    throw new EngineError({
      code: "invalid-workflow",
      kind: "usage",
      message: "A bugfix spec starts from the bug analysis (bugfix.md); design-first applies to feature specs only.",
      fix: "Drop --workflow for a bugfix spec, or pass --type feature.",
    });
  }
  return { type, workflow };
}
