/**
 * Files the workspace layer itself creates next to real ones: `<file>.lock` and the hidden temp files of
 * atomic writes and lock take-overs (`.<file>.tmp.<pid>.<random>`). Listings leave them out.
 */
export function isWorkspaceBookkeeping(fileName: string): boolean {
  return fileName.endsWith(".lock") || /^\..+\.(tmp|stale|release)\.\d+\.[0-9a-f]+$/.test(fileName);
}
