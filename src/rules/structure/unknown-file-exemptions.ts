/**
 * Files Specwright itself keeps in a spec folder. They are its own records, not stray notes, so
 * `structure/unknown-file` leaves them alone; the engine takes the names from here.
 */

/** Approved documents' hashes (`specwright approve`). */
export const APPROVALS_FILE_NAME = ".specwright-approvals.json";

/** The folder of task-run records (`specwright run`). */
export const RUNS_FOLDER_NAME = "runs";

/** Spec documents a draft (`<document>.draft`) can stand for. */
const DRAFTABLE_DOCUMENTS = ["requirements.md", "bugfix.md", "design.md", "tasks.md"];

/** `design.md.draft` → `design.md`: a generated document that failed its checks, saved for review. */
export function draftOf(fileName: string): string | undefined {
  if (!fileName.endsWith(".draft")) return undefined;
  const document = fileName.slice(0, -".draft".length);
  return DRAFTABLE_DOCUMENTS.includes(document) ? document : undefined;
}

/** Whether a spec folder's file (a path relative to the folder, `/`-separated) is one of Specwright's records. */
export function isSpecwrightRecord(fileName: string): boolean {
  return (
    fileName === APPROVALS_FILE_NAME || fileName.startsWith(`${RUNS_FOLDER_NAME}/`) || fileName === RUNS_FOLDER_NAME
  );
}
