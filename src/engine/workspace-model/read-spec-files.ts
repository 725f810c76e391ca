import { join } from "node:path";
import type { WorkspaceFileInput, WorkspaceInput } from "../../rules/assemble-workspace-model.js";
import { KNOWN_SPEC_DOCUMENTS, type SpecFolder } from "../../workspace/spec-folders.js";
import { readWorkspaceFiles, relativeToRoot } from "./read-workspace-files.js";

/** The files of the given spec folders, read, and the folders themselves, as the model's input. */
export function readSpecFiles(root: string, folders: readonly SpecFolder[]): WorkspaceInput {
  const read = readWorkspaceFiles(
    root,
    folders.flatMap((folder) =>
      KNOWN_SPEC_DOCUMENTS.filter((name) => folder.documents.includes(name)).map((name) => join(folder.path, name)),
    ),
  );
  const entries = folders.flatMap((folder): WorkspaceFileInput[] => [
    // The folder itself, so a spec without files still is a spec.
    { path: `${relativeToRoot(root, folder.path)}/` },
    ...folder.otherFiles.map((name) => ({ path: relativeToRoot(root, join(folder.path, name)) })),
  ]);
  return { files: [...entries, ...read.files], unreadable: read.unreadable };
}
