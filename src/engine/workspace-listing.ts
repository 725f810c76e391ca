import { join } from "node:path";
import { kiroPaths } from "../workspace/kiro-paths.js";
import { type KiroFiles, listKiroFiles } from "../workspace/list-kiro-files.js";
import { pathExists } from "../workspace/path-exists.js";
import { listSpecFolders, type SpecFolder } from "../workspace/spec-folders.js";

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
  const settingsFile = join(kiroPaths(root).settingsDirectory, "specwright.json");
  const [folders, kiroFiles, hasSettings] = await Promise.all([
    listSpecFolders(root),
    listKiroFiles(root),
    pathExists(settingsFile),
  ]);
  const settingsPath = hasSettings ? settingsFile : undefined;
  return {
    root,
    folders,
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
