import { join } from "node:path";
import { leftoversAmong, listLeftovers } from "../../workspace/leftovers.js";
import { relativeToRoot } from "./read-workspace-files.js";
import type { WorkspaceListing } from "./workspace-listing.js";

/** Folders Specwright writes in outside the spec folders: `.kiro/` itself, and the MCP clients' config folders. */
const WRITTEN_FOLDERS = [
  "",
  ".kiro",
  ".kiro/settings",
  ".kiro/steering",
  ".kiro/hooks",
  ".cursor",
  ".vscode",
  ".gemini",
  ".codex",
];

/**
 * The leftovers of dead Specwright processes (temp files, half-made lock folders) in every folder it
 * writes in, root-relative. Listed fresh on every check, never cached: they come and go with crashes.
 */
export function findWorkspaceLeftovers(listing: WorkspaceListing): string[] {
  const inFolder = (folder: string, names: readonly string[]) =>
    names.map((name) => relativeToRoot(listing.root, join(folder, name)));
  return [
    ...WRITTEN_FOLDERS.map((folder) => join(listing.root, ...folder.split("/"))).flatMap((folder) =>
      inFolder(folder, listLeftovers(folder)),
    ),
    // The listing already read each spec folder's names; whether their processes are alive is asked now.
    ...listing.folders.flatMap((folder) =>
      inFolder(folder.path, leftoversAmong(folder.path, folder.bookkeeping ?? [])),
    ),
  ];
}
