import type { BugfixClause, BugfixDocument } from "../../model/bugfix/index.js";
import type { WorkspaceModel } from "../workspace-model.js";

export interface ClauseInFile {
  readonly file: string;
  readonly document: BugfixDocument;
  readonly clause: BugfixClause;
}

/** Every clause of every bugfix.md, in file order. */
export function* eachBugfixClause(workspace: WorkspaceModel): Generator<ClauseInFile> {
  for (const spec of workspace.specs) {
    const file = spec.bugfix;
    if (!file) continue;
    for (const clause of file.document.clauses) yield { file: file.path, document: file.document, clause };
  }
}
