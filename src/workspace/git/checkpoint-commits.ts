import type { GitRepository } from "./git-repository.js";
import { GitCommandError, runGit } from "./run-git.js";

/** A commit stored under a private ref: which ref, the commit and its tree, and when it was made. */
export interface StoredCommit {
  readonly ref: string;
  readonly commit: string;
  readonly tree: string;
  /** ISO 8601, from the commit's committer date. */
  readonly createdAt: string;
}

/**
 * The author of every checkpoint commit, set here so it works in a repository (or on a machine) with no
 * `user.name` configured, and so nobody mistakes a checkpoint for their own commit.
 */
const CHECKPOINT_IDENTITY = {
  GIT_AUTHOR_NAME: "Specwright",
  GIT_AUTHOR_EMAIL: "specwright@localhost",
  GIT_COMMITTER_NAME: "Specwright",
  GIT_COMMITTER_EMAIL: "specwright@localhost",
};

/**
 * Makes a commit of `tree` (with `parents`) without moving any branch, and returns its id. Given `date`
 * (whole seconds count), the commit carries it, so the caller knows the commit's date without asking git.
 */
export async function commitTree(
  repository: GitRepository,
  tree: string,
  parents: readonly string[],
  message: string,
  date?: Date,
): Promise<string> {
  const parentArguments = parents.flatMap((parent) => ["-p", parent]);
  const stamp = date === undefined ? undefined : `@${Math.floor(date.getTime() / 1000)} +0000`;
  const output = await runGit(["commit-tree", tree, ...parentArguments, "-F", "-"], {
    cwd: repository.topLevel,
    env:
      stamp === undefined
        ? CHECKPOINT_IDENTITY
        : { ...CHECKPOINT_IDENTITY, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp },
    input: message,
  });
  return output.trim();
}

/**
 * Points `ref` at `commit`, keeping a reflog of the ref so an earlier checkpoint of the same task stays
 * reachable (and safe from `git gc`) after a newer one replaces it.
 */
export async function updateRef(repository: GitRepository, ref: string, commit: string, reason: string): Promise<void> {
  await runGit(["update-ref", "--create-reflog", "-m", reason, ref, commit], {
    cwd: repository.topLevel,
    env: CHECKPOINT_IDENTITY,
  });
}

/**
 * Points `ref` at `commit` and deletes each of `deletions` (missing ones are fine) in one transaction: all
 * or none, with the reflog {@link updateRef} keeps.
 */
export async function updateAndDeleteRefs(
  repository: GitRepository,
  update: { readonly ref: string; readonly commit: string },
  deletions: readonly string[],
  reason: string,
): Promise<void> {
  const lines = [`update ${update.ref} ${update.commit}`, ...deletions.map((ref) => `delete ${ref}`)];
  await runGit(["update-ref", "--create-reflog", "-m", reason, "--stdin"], {
    cwd: repository.topLevel,
    env: CHECKPOINT_IDENTITY,
    input: `${lines.join("\n")}\n`,
  });
}

/** Every commit stored under refs starting with `prefix` (e.g. `refs/specwright/checkpoints/`), sorted by ref. */
export async function listStoredCommits(repository: GitRepository, prefix: string): Promise<StoredCommit[]> {
  const format = "%(refname)%00%(objectname)%00%(tree)%00%(committerdate:iso-strict)";
  let output: string;
  try {
    output = await runGit(["for-each-ref", `--format=${format}`, "--sort=refname", prefix], {
      cwd: repository.topLevel,
    });
  } catch (error) {
    if (error instanceof GitCommandError) return [];
    throw error;
  }
  return parseStoredCommits(output).filter((stored) => stored.ref === prefix || stored.ref.startsWith(prefix));
}

/** The commit stored under exactly `ref`, or undefined. */
export async function readStoredCommit(repository: GitRepository, ref: string): Promise<StoredCommit | undefined> {
  return (await listStoredCommits(repository, ref)).find((stored) => stored.ref === ref);
}

/** Parses `for-each-ref` lines of NUL-separated ref, commit, tree and date; lines of another shape are skipped. */
export function parseStoredCommits(output: string): StoredCommit[] {
  const commits: StoredCommit[] = [];
  for (const line of output.split("\n")) {
    const [ref, commit, tree, date] = line.split("\u0000");
    if (!ref || !commit || !tree || !date) continue;
    commits.push({ ref, commit, tree, createdAt: new Date(date).toISOString() });
  }
  return commits;
}
