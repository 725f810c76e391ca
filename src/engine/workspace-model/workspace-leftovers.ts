import { join } from "node:path";
import { listLeftovers } from "../../workspace/leftovers.js";
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
  const folders = [
    ...WRITTEN_FOLDERS.map((folder) => join(listing.root, ...folder.split("/"))),
    ...listing.folders.map((folder) => folder.path),
  ];
  return folders.flatMap((folder) =>
    listLeftovers(folder).map((name) => relativeToRoot(listing.root, join(folder, name))),
  );
}
