import { ALL_DATA_FILE_PARSERS } from "./all-data-file-parsers.js";
import { assembleWorkspaceModel, type WorkspaceInput } from "./assemble-workspace-model.js";
import type { WorkspaceModel } from "./workspace-model.js";

export type { WorkspaceFileInput, WorkspaceInput } from "./assemble-workspace-model.js";

/** Parses the files of a workspace, by where they sit in `.kiro/`, into the model the rules check. */
export function buildWorkspaceModel(input: WorkspaceInput): WorkspaceModel {
  return assembleWorkspaceModel(input, ALL_DATA_FILE_PARSERS);
}
