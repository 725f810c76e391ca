import { join } from "node:path";
import { buildWorkspaceModel } from "../../rules/build-workspace-model.js";
import type { SpecModel, UnreadableFile } from "../../rules/workspace-model.js";
import { KNOWN_SPEC_DOCUMENTS, listSpecFolders } from "../../workspace/spec-folders.js";
import { type SpecSummary, summarizeSpec } from "../status/spec-summary.js";
import { readWorkspaceFiles, relativeToRoot } from "./read-workspace-files.js";
import { resolveSpecFolder } from "./resolve-spec.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "./workspace-context.js";

/** One spec folder with every document it has, parsed; a file that cannot be read becomes a problem. */
export interface LoadedSpec {
  readonly root: string;
  readonly summary: SpecSummary;
  readonly model: SpecModel;
  /** Files that exist but could not be read, paths relative to the root. */
  readonly problems: readonly UnreadableFile[];
}

export async function loadSpec(options: WorkspaceOptions & { readonly spec: string }): Promise<LoadedSpec> {
  const root = await resolveWorkspaceRoot(options);
  const folder = resolveSpecFolder(await listSpecFolders(root), options.spec);
  const paths = KNOWN_SPEC_DOCUMENTS.filter((name) => folder.documents.includes(name)).map((name) =>
    join(folder.path, name),
  );
  const { files, unreadable } = readWorkspaceFiles(root, paths);
  const folderPath = relativeToRoot(root, folder.path);
  const model = buildWorkspaceModel({ files: [...files, { path: `${folderPath}/` }] }).specs[0] ?? {
    name: folder.name,
    path: folderPath,
    otherFiles: [],
  };
  return { root, summary: summarizeSpec(folder, model.config?.document.specType), model, problems: unreadable };
}
