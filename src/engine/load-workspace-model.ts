import { join, relative, sep } from "node:path";
import { buildWorkspaceModel, type WorkspaceFileInput } from "../rules/build-workspace-model.js";
import type { UnreadableFile, WorkspaceModel } from "../rules/workspace-model.js";
import { kiroPaths } from "../workspace/kiro-paths.js";
import { listKiroFiles } from "../workspace/list-kiro-files.js";
import { pathExists } from "../workspace/path-exists.js";
import { readTextFileSync } from "../workspace/read-text-file.js";
import { KNOWN_SPEC_DOCUMENTS, listSpecFolders } from "../workspace/spec-folders.js";
import { isWorkspaceError } from "../workspace/workspace-error.js";

/** Reads every `.kiro/` file of the workspace at `root` and parses it into the model the rules check. */
export async function loadWorkspaceModel(root: string): Promise<WorkspaceModel> {
  const unreadable: UnreadableFile[] = [];
  const toRelative = (path: string) => relative(root, path).split(sep).join("/");
  const read = (path: string): WorkspaceFileInput => {
    try {
      return { path: toRelative(path), text: readTextFileSync(path) };
    } catch (error) {
      if (!isWorkspaceError(error)) throw error;
      unreadable.push({ path: toRelative(path), code: error.code, message: error.message, fix: error.fix });
      return { path: toRelative(path) };
    }
  };
  const settingsPath = join(kiroPaths(root).settingsDirectory, "specwright.json");
  const [folders, kiroFiles, hasSettings] = await Promise.all([
    listSpecFolders(root),
    listKiroFiles(root),
    pathExists(settingsPath),
  ]);
  const toRead = [
    ...folders.flatMap((folder) =>
      KNOWN_SPEC_DOCUMENTS.filter((name) => folder.documents.includes(name)).map((name) => join(folder.path, name)),
    ),
    ...kiroFiles.steering,
    ...kiroFiles.hooks,
    ...(kiroFiles.mcpSettings ? [kiroFiles.mcpSettings] : []),
    ...(hasSettings ? [settingsPath] : []),
  ];
  const files = [
    ...toRead.map(read).filter((file) => file.text !== undefined),
    ...folders.flatMap((folder) => folder.otherFiles.map((name) => ({ path: toRelative(join(folder.path, name)) }))),
    // A spec folder with no files at all still is a spec.
    ...folders
      .filter((folder) => folder.documents.length === 0 && folder.otherFiles.length === 0)
      .map((folder) => ({ path: `${toRelative(folder.path)}/` })),
  ];
  const model = buildWorkspaceModel({ files, unreadable });
  const referenced = new Set(model.steering.flatMap((file) => file.document.fileReferences.map((ref) => ref.path)));
  const existingReferences = new Set<string>();
  await Promise.all(
    [...referenced].map(async (path) => {
      if (path !== "" && (await pathExists(join(root, path)))) existingReferences.add(path);
    }),
  );
  return { ...model, existingReferences };
}
