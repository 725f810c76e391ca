import type { GitRepository } from "./git-repository.js";
import { GitCommandError, runGit, runGitBytes } from "./run-git.js";

/**
 * Stores `text` in the repository's object database as a blob and returns its id. The blob is referenced
 * from no commit, so it is kept as long as something (the approvals sidecar) remembers it and `git gc`
 * has not pruned it (two weeks unreferenced by default); readers treat a pruned blob as "no approved text".
 */
export async function writeBlob(repository: GitRepository, text: string): Promise<string> {
  const output = await runGit(["hash-object", "-w", "--stdin"], { cwd: repository.topLevel, input: text });
  return output.trim();
}

/**
 * The text of each blob id given, read through one `git cat-file --batch`; an id git does not have (pruned,
 * or from another clone) is absent from the map.
 */
export async function readBlobs(repository: GitRepository, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id) => /^[0-9a-f]{40,64}$/.test(id)))];
  const texts = new Map<string, string>();
  if (wanted.length === 0) return texts;
  const output = await runGitBytes(["cat-file", "--batch"], {
    cwd: repository.topLevel,
    input: `${wanted.join("\n")}\n`,
  });
  let offset = 0;
  for (const id of wanted) {
    const headerEnd = output.indexOf(10, offset);
    if (headerEnd < 0) break;
    const header = output.subarray(offset, headerEnd).toString("utf8");
    offset = headerEnd + 1;
    const match = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!match) continue; // `<id> missing`
    const size = Number(match[3]);
    if (match[2] === "blob") texts.set(id, output.subarray(offset, offset + size).toString("utf8"));
    offset += size + 1;
  }
  return texts;
}

/**
 * Whether the working tree or index differs from HEAD (untracked files that are not ignored count), paths
 * for which `ignore` is true aside (the caller's own bookkeeping, such as a lock it holds right now).
 */
export async function isWorkingTreeDirty(
  repository: GitRepository,
  ignore: (path: string) => boolean = () => false,
): Promise<boolean> {
  try {
    const output = await runGit(["status", "--porcelain", "-z", "--no-renames"], { cwd: repository.topLevel });
    // Records are `XY <path>`, NUL separated.
    return output
      .split("\u0000")
      .filter((record) => record.length > 3)
      .some((record) => !ignore(record.slice(3)));
  } catch (error) {
    if (error instanceof GitCommandError) return true;
    throw error;
  }
}
