import type { Criterion, Requirement, RequirementsDocument } from "../../model/requirements/index.js";
import type { WorkspaceModel } from "../workspace-model.js";

export interface CriterionInFile {
  readonly file: string;
  readonly document: RequirementsDocument;
  readonly requirement: Requirement;
  readonly criterion: Criterion;
}

// Five rules walk every criterion: listed once per workspace model, which is never changed once built.
const criteriaByWorkspace = new WeakMap<WorkspaceModel, readonly CriterionInFile[]>();

/**
 * Every acceptance criterion of every requirements.md, in file order. A list, not a generator: the rules
 * walking it run their loops in optimized code sooner (V8 does not replace a running generator's frame with
 * optimized code, so a generator's loops stay in the slower tiers until it is called again).
 */
export function eachCriterion(workspace: WorkspaceModel): readonly CriterionInFile[] {
  let criteria = criteriaByWorkspace.get(workspace);
  if (criteria === undefined) {
    criteria = collectCriteria(workspace);
    criteriaByWorkspace.set(workspace, criteria);
  }
  return criteria;
}

function collectCriteria(workspace: WorkspaceModel): CriterionInFile[] {
  const criteria: CriterionInFile[] = [];
  for (const spec of workspace.specs) {
    const file = spec.requirements;
    if (!file) continue;
    for (const requirement of file.document.requirements) {
      for (const criterion of requirement.criteria) {
        criteria.push({ file: file.path, document: file.document, requirement, criterion });
      }
    }
  }
  return criteria;
}
