import { temporaryOwnerPid } from "./temporary-owner.js";

/**
 * Files the workspace layer itself creates next to real ones: `<file>.lock` and the hidden temp files of
 * atomic writes and lock take-overs (`.<file>.tmp.<pid>.<random>`). Listings leave them out; `check`
 * reports those of dead processes (see leftovers.ts and temporary-owner.ts).
 */
export function isWorkspaceBookkeeping(fileName: string): boolean {
  return fileName.endsWith(".lock") || temporaryOwnerPid(fileName) !== undefined;
}
