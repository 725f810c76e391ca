import { join } from "node:path";
import { writeFileAtomic } from "../../workspace/atomic-write.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { isWorkingTreeDirty, readBlobs, writeBlob } from "../../workspace/git/git-objects.js";
import { findGitRepository, type GitRepository, headCommit } from "../../workspace/git/git-repository.js";
import { readTextIfReadable } from "../../workspace/read-text-if-readable.js";
import { isWorkspaceBookkeeping } from "../../workspace/workspace-bookkeeping.js";
import type { PhaseApprovalRecord } from "./approval-record.js";
import { APPROVALS_FILE_NAME } from "./approvals-file-name.js";

/** What an approval keeps besides the hash: where the approved text is, and the commit it was approved at. */
export type KeptApprovedText = Pick<PhaseApprovalRecord, "blob" | "copy" | "commit" | "dirty">;

/** Where copies live without git: content-addressed, so approving the same text twice writes one file. */
export const APPROVED_COPY_FOLDER = ".kiro/specwright/approved";

/**
 * Keeps the text being approved so `impact` can diff against it later: a git blob (and HEAD, and whether
 * the tree was dirty) inside a repository, else a copy under `.kiro/specwright/approved/`.
 */
export async function keepApprovedText(root: string, text: string, sha256: string): Promise<KeptApprovedText> {
  const repository = await findGitRepository(root);
  if (repository !== undefined) {
    const [blob, commit, dirty] = await Promise.all([
      writeBlob(repository, text),
      headCommit(repository),
      // The sidecar (and the lock folder held on it while approving, and its temporaries) is the approval
      // itself, not a change.
      isWorkingTreeDirty(repository, isApprovalBookkeeping),
    ]);
    return { blob, ...(commit === undefined ? {} : { commit }), dirty };
  }
  const copy = `${APPROVED_COPY_FOLDER}/${sha256}.md`;
  await ensureDirectory(join(root, APPROVED_COPY_FOLDER));
  await writeFileAtomic(join(root, copy), text);
  return { copy };
}

function isApprovalBookkeeping(path: string): boolean {
  const segments = path.replace(/\/$/, "").split("/");
  const name = segments.at(-1) ?? "";
  const parent = segments.at(-2) ?? "";
  if (name === APPROVALS_FILE_NAME) return true;
  const lockOwner = parent === `${APPROVALS_FILE_NAME}.lock`;
  return lockOwner || (name.includes(APPROVALS_FILE_NAME) && isWorkspaceBookkeeping(name));
}

/** Reads approved texts by record, with one git process for all blobs; a text that is gone is left out. */
export class ApprovedTextReader {
  private repository: Promise<GitRepository | undefined> | undefined;

  constructor(private readonly root: string) {}

  async read(records: readonly PhaseApprovalRecord[]): Promise<Map<PhaseApprovalRecord, string>> {
    const result = new Map<PhaseApprovalRecord, string>();
    const blobs = records.flatMap((record) => (record.blob === undefined ? [] : [record.blob]));
    if (blobs.length > 0) {
      this.repository ??= findGitRepository(this.root);
      const repository = await this.repository;
      const texts = repository === undefined ? new Map<string, string>() : await readBlobs(repository, blobs);
      for (const record of records) {
        const text = record.blob === undefined ? undefined : texts.get(record.blob);
        if (text !== undefined) result.set(record, text);
      }
    }
    for (const record of records) {
      if (result.has(record) || record.copy === undefined) continue;
      const text = readTextIfReadable(join(this.root, record.copy));
      if (text !== undefined) result.set(record, text);
    }
    return result;
  }
}
