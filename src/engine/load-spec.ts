import { join, relative, sep } from "node:path";
import { buildWorkspaceModel, type WorkspaceFileInput } from "../rules/build-workspace-model.js";
import type { SpecModel } from "../rules/workspace-model.js";
import { readTextFile } from "../workspace/read-text-file.js";
import { KNOWN_SPEC_DOCUMENTS, listSpecFolders } from "../workspace/spec-folders.js";
import { isWorkspaceError } from "../workspace/workspace-error.js";
import { resolveSpecFolder } from "./resolve-spec.js";
import type { SpecProblem } from "./spec-status.js";
import { type SpecSummary, summarizeSpec } from "./spec-summary.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "./workspace-context.js";

/** One spec folder with every document it has, parsed; a file that cannot be read becomes a problem. */
export interface LoadedSpec {
  readonly root: string;
  readonly summary: SpecSummary;
  readonly model: SpecModel;
  readonly problems: readonly SpecProblem[];
}

export async function loadSpec(options: WorkspaceOptions & { readonly spec: string }): Promise<LoadedSpec> {
  const root = await resolveWorkspaceRoot(options);
  const folder = resolveSpecFolder(await listSpecFolders(root), options.spec);
  const problems: SpecProblem[] = [];
  const toRelative = (path: string) => relative(root, path).split(sep).join("/");
  const files = await Promise.all(
    KNOWN_SPEC_DOCUMENTS.filter((name) => folder.documents.includes(name)).map(
      async (name): Promise<WorkspaceFileInput> => {
        const path = join(folder.path, name);
        try {
          return { path: toRelative(path), text: await readTextFile(path) };
        } catch (error) {
          if (!isWorkspaceError(error)) throw error;
          problems.push({ file: path, code: error.code, message: error.message, fix: error.fix });
          return { path: toRelative(path) };
        }
      },
    ),
  );
  const folderPath = toRelative(folder.path);
  const model = buildWorkspaceModel({ files: [...files, { path: `${folderPath}/` }] }).specs[0] ?? {
    name: folder.name,
    path: folderPath,
    otherFiles: [],
  };
  return { root, summary: summarizeSpec(folder, model.config?.document.specType), model, problems };
}
