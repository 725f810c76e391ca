import { parseRequirements } from "../../model/requirements/parse-requirements.js";
import type { WorkspaceModel } from "../../rules/workspace-model.js";

/**
 * The model with each spec's approved requirements attached, for the drift rules. Apart from reading them
 * (approved-requirements.ts), so `check` and its workers load the approvals record's schema and the git
 * reader only when some spec has an approvals file.
 */
export function withApprovedRequirements(model: WorkspaceModel, approved: ReadonlyMap<string, string>): WorkspaceModel {
  if (approved.size === 0) return model;
  return {
    ...model,
    specs: model.specs.map((spec) => {
      const text = approved.get(spec.name);
      return text === undefined ? spec : { ...spec, approved: { requirements: parseRequirements(text) } };
    }),
  };
}
