import { join } from "node:path";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { type KiroFiles, listKiroFiles } from "../../workspace/list-kiro-files.js";
import { pathExists } from "../../workspace/path-exists.js";
import { listSpecFolders, type SpecFolder } from "../../workspace/spec-folders.js";

/** What a workspace holds, by name only: nothing read or parsed yet. */
export interface WorkspaceListing {
  readonly root: string;
  readonly folders: readonly SpecFolder[];
  readonly kiroFiles: KiroFiles;
  /** `.kiro/settings/specwright.json`, when it exists. */
  readonly settingsPath: string | undefined;
  /** Steering, hooks and settings files: the part of the workspace that is not a spec. */
  readonly sharedPaths: readonly string[];
}

export async function listWorkspace(root: string): Promise<WorkspaceListing> {
  const [folders, shared] = await Promise.all([listSpecFolders(root), listSharedFiles(root)]);
  return { root, folders, ...shared };
}

/** The steering, hooks and settings files alone, without listing the spec folders. */
export async function listSharedFiles(
  root: string,
): Promise<Pick<WorkspaceListing, "kiroFiles" | "settingsPath" | "sharedPaths">> {
  const settingsFile = join(kiroPaths(root).settingsDirectory, "specwright.json");
  const [kiroFiles, hasSettings] = await Promise.all([listKiroFiles(root), pathExists(settingsFile)]);
  const settingsPath = hasSettings ? settingsFile : undefined;
  return {
    kiroFiles,
    settingsPath,
    sharedPaths: [
      ...kiroFiles.steering,
      ...kiroFiles.hooks,
      ...(kiroFiles.mcpSettings ? [kiroFiles.mcpSettings] : []),
      ...(settingsPath ? [settingsPath] : []),
    ],
  };
}
