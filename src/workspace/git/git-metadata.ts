import { chmod, lstat, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { errorCodeOf } from "../error-code.js";
import type { GitRepository } from "./git-repository.js";

/** One file of `.git/` that makes git run commands or changes what a snapshot sees: its bytes and mode. */
export interface GitMetadataFile {
  readonly content: Buffer;
  readonly mode: number;
}

/** Keyed by a path like `.git/config` or `.git/hooks/pre-commit`, relative to the repository's common folder. */
export type GitMetadata = ReadonlyMap<string, GitMetadataFile>;

/** Single files of `.git/` read; `hooks/` is read whole. */
const METADATA_FILES = ["config", "config.worktree", "info/attributes", "info/exclude", "commondir"];

/** `.git/config`, `.git/hooks/*`, `.git/info/attributes` and the like as they are now. */
export async function readGitMetadata(repository: GitRepository): Promise<GitMetadata> {
  // Where config and hooks live: the common folder, shared by every linked worktree.
  const common = repository.commonDirectory;
  const metadata = new Map<string, GitMetadataFile>();
  const paths = [...METADATA_FILES];
  const hooks = await readdir(join(common, "hooks")).catch(() => [] as string[]);
  paths.push(...hooks.map((name) => `hooks/${name}`));
  for (const path of paths) {
    const file = await readMetadataFile(join(common, path));
    if (file !== undefined) metadata.set(`.git/${path}`, file);
  }
  return metadata;
}

async function readMetadataFile(path: string): Promise<GitMetadataFile | undefined> {
  try {
    const stats = await lstat(path);
    if (!stats.isFile())
      return { content: Buffer.from(`(not a file: mode ${stats.mode.toString(8)})`), mode: stats.mode };
    return { content: await readFile(path), mode: stats.mode & 0o777 };
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT" || errorCodeOf(error) === "ENOTDIR") return undefined;
    throw error;
  }
}

/** The paths that differ between two readings: created, deleted, or other bytes or mode. Sorted. */
export function changedGitMetadata(before: GitMetadata, after: GitMetadata): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .filter((path) => {
      const old = before.get(path);
      const now = after.get(path);
      return old === undefined || now === undefined || old.mode !== now.mode || !old.content.equals(now.content);
    })
    .sort();
}

/** Puts `paths` back as `before` had them: rewritten with their mode, or deleted when `before` had none. */
export async function restoreGitMetadata(
  repository: GitRepository,
  before: GitMetadata,
  paths: readonly string[],
): Promise<void> {
  // Where config and hooks live: the common folder, shared by every linked worktree.
  const common = repository.commonDirectory;
  for (const path of paths) {
    if (!path.startsWith(".git/") || path.includes("..")) continue;
    const target = join(common, path.slice(".git/".length));
    const file = before.get(path);
    await rm(target, { recursive: true, force: true });
    if (file === undefined) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content, { mode: file.mode });
    await chmod(target, file.mode);
  }
}

/** `.git/` as it was before a task, and the paths the task was found to have changed. */
export interface GitMetadataRecord {
  readonly before: GitMetadata;
  readonly changedByTask: readonly string[];
}

/** A record as JSON (content in base64), to keep beside a task's checkpoints. */
export function serializeGitMetadata(record: GitMetadataRecord): string {
  const files = Object.fromEntries(
    [...record.before].map(([path, file]) => [path, { mode: file.mode, content: file.content.toString("base64") }]),
  );
  return `${JSON.stringify({ schemaVersion: 1, files, changedByTask: record.changedByTask })}\n`;
}

export function parseGitMetadata(text: string): GitMetadataRecord | undefined {
  try {
    const value = JSON.parse(text) as {
      files?: Record<string, { mode?: unknown; content?: unknown }>;
      changedByTask?: unknown;
    };
    const before = new Map<string, GitMetadataFile>();
    for (const [path, file] of Object.entries(value.files ?? {})) {
      if (typeof file.mode !== "number" || typeof file.content !== "string") return undefined;
      before.set(path, { mode: file.mode, content: Buffer.from(file.content, "base64") });
    }
    const changed = Array.isArray(value.changedByTask)
      ? value.changedByTask.filter((path) => typeof path === "string")
      : [];
    return { before, changedByTask: changed };
  } catch {
    return undefined;
  }
}

/** Writes a task's record (inside `.git/`, which no task may write). */
export async function writeGitMetadataRecord(
  repository: GitRepository,
  spec: string,
  taskId: string,
  record: GitMetadataRecord,
): Promise<void> {
  const path = await gitMetadataRecordPath(repository, spec, taskId);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, serializeGitMetadata(record));
}

/** A task's record, or undefined when it has none (it ran before Specwright kept them) or it cannot be read. */
export async function readGitMetadataRecord(
  repository: GitRepository,
  spec: string,
  taskId: string,
): Promise<GitMetadataRecord | undefined> {
  const text = await readFile(await gitMetadataRecordPath(repository, spec, taskId), "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseGitMetadata(text);
}

/** Where a task's before-task `.git` metadata is kept: inside `.git/`, which no task may write. */
export async function gitMetadataRecordPath(repository: GitRepository, spec: string, taskId: string): Promise<string> {
  return join(repository.commonDirectory, "specwright", "git-metadata", spec, `${taskId}.json`);
}
