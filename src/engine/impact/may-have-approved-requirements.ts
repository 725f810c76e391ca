import type { SpecFolder } from "../../workspace/spec-folders.js";
import { APPROVALS_FILE_NAME } from "../approvals/approvals-file-name.js";

/**
 * Whether `readChangedApprovedRequirements` has anything to read in the folder: an approvals file beside a
 * requirements.md. Apart, so `check` decides without loading the approvals record's schema and the git reader.
 */
export function mayHaveApprovedRequirements(folder: SpecFolder): boolean {
  return folder.otherFiles.includes(APPROVALS_FILE_NAME) && folder.documents.includes("requirements.md");
}
