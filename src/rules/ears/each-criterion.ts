import type { Criterion, Requirement, RequirementsDocument } from "../../model/requirements/index.js";
import type { WorkspaceModel } from "../workspace-model.js";

export interface CriterionInFile {
  readonly file: string;
  readonly document: RequirementsDocument;
  readonly requirement: Requirement;
  readonly criterion: Criterion;
}

/** Every acceptance criterion of every requirements.md, in file order. */
export function* eachCriterion(workspace: WorkspaceModel): Generator<CriterionInFile> {
  for (const spec of workspace.specs) {
    const file = spec.requirements;
    if (!file) continue;
    for (const requirement of file.document.requirements) {
      for (const criterion of requirement.criteria) {
        yield { file: file.path, document: file.document, requirement, criterion };
      }
    }
  }
}
