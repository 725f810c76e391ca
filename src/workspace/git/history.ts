import { isAbsolute, join } from "node:path";
import type { GitRepository } from "./git-repository.js";
import { runGit } from "./run-git.js";

/** One path that differs between two trees, with the blob on each side (`0…0` where it is absent). */
export interface BlobChange {
  readonly path: string;
  readonly status: string;
  readonly blobBefore: string;
  readonly blobAfter: string;
}

const RAW_RECORD = /^:\d{6} \d{6} ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/;
const COMMIT_HEADER = /^([0-9a-f]{40,64})\n?(.*)$/s;

/** A ref and the commit it points at, listed without reading any object. */
export interface RefCommit {
  readonly ref: string;
  readonly commit: string;
}

/** Every ref under `prefix` with its commit: one `for-each-ref` that reads no object (fast for thousands). */
export async function listRefCommits(repository: GitRepository, prefix: string): Promise<RefCommit[]> {
  const output = await runGit(["for-each-ref", "--format=%(refname)%00%(objectname)", prefix], {
    cwd: repository.topLevel,
  });
  return output.split("\n").flatMap((line) => {
    const [ref, commit] = line.split("\u0000");
    return ref && commit && ref.startsWith(prefix) ? [{ ref, commit }] : [];
  });
}

/**
 * The changes from each `before` commit to its `after` commit through one `git diff-tree --stdin` process
 * (a thousand tasks cost one process, not a thousand), keyed by the `after` commit; a pair without
 * differences has no entry.
 */
export async function diffCommitPairs(
  repository: GitRepository,
  pairs: readonly { readonly before: string; readonly after: string }[],
): Promise<Map<string, BlobChange[]>> {
  const result = new Map<string, BlobChange[]>();
  if (pairs.length === 0) return result;
  // `<commit> <parent>` diffs the parent against the commit and heads the output with the commit alone.
  const input = `${[...new Set(pairs.map((pair) => `${pair.after} ${pair.before}`))].join("\n")}\n`;
  const output = await runGit(["diff-tree", "--stdin", "-r", "-z", "--no-renames", "--raw", "--no-abbrev"], {
    cwd: repository.topLevel,
    input,
  });
  const fields = output.split("\u0000");
  let current: BlobChange[] | undefined;
  for (let index = 0; index < fields.length; index++) {
    let field = fields[index] ?? "";
    const header = COMMIT_HEADER.exec(field);
    if (header) {
      current = [];
      result.set(header[1] ?? "", current);
      field = header[2] ?? "";
      if (field === "") continue;
    }
    const record = RAW_RECORD.exec(field);
    const path = fields[index + 1];
    if (!record || path === undefined || !current) continue;
    current.push({ path, status: record[3] ?? "", blobBefore: record[1] ?? "", blobAfter: record[2] ?? "" });
    index++;
  }
  return result;
}

/** The committer date (ISO 8601) of each commit given, through one `git log --no-walk`. */
export async function commitDates(repository: GitRepository, commits: readonly string[]): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  if (commits.length === 0) return dates;
  const output = await runGit(["log", "--no-walk=unsorted", "--format=%H%x09%cI", ...new Set(commits)], {
    cwd: repository.topLevel,
  });
  for (const line of output.split("\n")) {
    const [commit, date] = line.split("\t");
    if (commit && date) dates.set(commit, new Date(date).toISOString());
  }
  return dates;
}

/** A commit that changed one of the paths asked about, with the blob it left there. */
export interface PathCommit {
  readonly commit: string;
  readonly date: string;
  readonly author: string;
  readonly subject: string;
  /** Path → the blob the commit left (`0…0` when it deleted the path). */
  readonly blobs: ReadonlyMap<string, string>;
}

/**
 * The commits reachable from `head` but not from any of `exclude` that changed one of `paths`, newest
 * first, each with the blob it wrote for each path.
 */
export async function commitsChangingPaths(
  repository: GitRepository,
  head: string,
  exclude: readonly string[],
  paths: readonly string[],
): Promise<PathCommit[]> {
  if (paths.length === 0) return [];
  const output = await runGit(
    [
      "-c",
      "core.quotePath=false",
      "log",
      "--format=%x01%H%x09%aI%x09%an%x09%s",
      "--raw",
      "--no-renames",
      "--no-abbrev",
      "-z",
      head,
      ...exclude.map((commit) => `^${commit}`),
      "--",
      ...paths,
    ],
    { cwd: repository.topLevel },
  );
  const commits: PathCommit[] = [];
  let current:
    | { commit: string; date: string; author: string; subject: string; blobs: Map<string, string> }
    | undefined;
  const fields = output.split("\u0000");
  for (let index = 0; index < fields.length; index++) {
    let field = fields[index] ?? "";
    const start = field.indexOf("\u0001");
    if (start >= 0) {
      const [commit = "", date = "", author = "", subject = ""] =
        field
          .slice(start + 1)
          .split("\n")[0]
          ?.split("\t") ?? [];
      current = { commit, date, author, subject, blobs: new Map() };
      commits.push(current);
      field = field
        .slice(start + 1)
        .split("\n")
        .slice(1)
        .join("\n")
        .trim();
      if (field === "") continue;
    }
    const record = RAW_RECORD.exec(field.trim());
    const path = fields[index + 1];
    if (!record || path === undefined || !current) continue;
    current.blobs.set(path, record[2] ?? "");
    index++;
  }
  return commits;
}

/** Every path that differs between two commits (or trees), as git names them from the top level. */
export async function changedPaths(repository: GitRepository, from: string, to: string): Promise<string[]> {
  const output = await runGit(["diff-tree", "-r", "-z", "--no-renames", "--name-only", from, to], {
    cwd: repository.topLevel,
  });
  return output.split("\u0000").filter((path) => path !== "");
}

/** The best common ancestor of two commits, or undefined when they share none. */
export async function mergeBase(repository: GitRepository, left: string, right: string): Promise<string | undefined> {
  try {
    return (await runGit(["merge-base", left, right], { cwd: repository.topLevel })).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The absolute folder git runs hooks from: `core.hooksPath` when the user set one, else `.git/hooks`. */
export async function hooksDirectory(repository: GitRepository): Promise<string> {
  // Specwright's own git runs with `core.hooksPath` pointed at nothing, so the user's setting is read from
  // the repository's configuration file itself, and the default is the common git folder's `hooks`.
  const configured = (
    await runGit(["config", "--local", "--get", "core.hooksPath"], { cwd: repository.topLevel }).catch(() => "")
  ).trim();
  if (configured !== "") return isAbsolute(configured) ? configured : join(repository.topLevel, configured);
  return join(repository.commonDirectory, "hooks");
}

/** The paths staged for the next commit (added, copied, modified, renamed, deleted), from the top level. */
export async function stagedPaths(repository: GitRepository): Promise<string[]> {
  const output = await runGit(["diff", "--cached", "--name-only", "-z", "--no-renames"], { cwd: repository.topLevel });
  return output.split("\u0000").filter((path) => path !== "");
}

/**
 * The blob at each path in `commit` (undefined where the path is absent), through one
 * `git cat-file --batch-check`: cheaper than listing a large tree for a few thousand paths.
 */
export async function blobIdsAt(
  repository: GitRepository,
  commit: string,
  paths: readonly string[],
): Promise<Map<string, string | undefined>> {
  const result = new Map<string, string | undefined>();
  // A path with a line break cannot go through a line-based batch; it is reported as absent.
  const asked = [...new Set(paths)].filter((path) => !path.includes("\n"));
  if (asked.length === 0) return result;
  const output = await runGit(["cat-file", "--batch-check=%(objectname) %(objecttype)"], {
    cwd: repository.topLevel,
    input: `${asked.map((path) => `${commit}:${path}`).join("\n")}\n`,
  });
  const lines = output.split("\n");
  asked.forEach((path, index) => {
    const match = /^([0-9a-f]{40,64}) (\w+)$/.exec(lines[index] ?? "");
    result.set(path, match && match[2] !== "tree" ? match[1] : undefined);
  });
  return result;
}
