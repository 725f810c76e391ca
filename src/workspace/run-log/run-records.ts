import { randomBytes } from "node:crypto";
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../atomic-write.js";
import { createFileExclusive } from "../create-file-exclusive.js";
import { ensureDirectory } from "../ensure-directory.js";
import { acquireFileLock, type FileLock, withFileLock } from "../file-lock.js";
import { mapFileSystemError } from "../map-file-system-error.js";
import { pathExists } from "../path-exists.js";
import { readTextFile } from "../read-text-file.js";
import { WorkspaceError } from "../workspace-error.js";
import { newRunId, type RunRecordPaths, runRecordPaths } from "./run-record-paths.js";

/** A run's records: the event log, appended line by line, and the summary, written once at the end. */
export interface RunRecords {
  readonly runId: string;
  readonly paths: RunRecordPaths;
  /** One JSON object per line, in one append each, in call order: a crash can cut only the last line, which readers skip. */
  append(event: unknown): Promise<void>;
  writeSummary(summary: unknown): Promise<void>;
}

/**
 * Opens the records of a new run of the spec in `specFolder`. The folder gets a `.gitignore` of `*` so the
 * logs never end up in a task's checkpoint or in the user's commits by accident.
 */
export async function openRunRecords(specFolder: string, now = new Date()): Promise<RunRecords> {
  const runId = newRunId(now, randomBytes(3).toString("hex"));
  const paths = runRecordPaths(specFolder, runId);
  await ensureDirectory(paths.directory);
  await createFileExclusive(join(paths.directory, ".gitignore"), "*\n");
  // Appends go one after the other, so the log's lines are in the order the events happened.
  let queue: Promise<void> = Promise.resolve();
  return {
    runId,
    paths,
    append: (event) => {
      const line = `${JSON.stringify(event)}\n`;
      const next = queue.then(async () => {
        try {
          await appendFile(paths.log, line, "utf8");
        } catch (error) {
          throw mapFileSystemError(error, paths.log, "write");
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    writeSummary: async (summary) => {
      await queue;
      await writeFileAtomic(paths.summary, `${JSON.stringify(summary, null, 2)}\n`);
    },
  };
}

/** Reads a JSONL run log; a line cut short by a crash (the last one) is left out. */
export async function readRunLog(path: string): Promise<unknown[]> {
  const text = await readTextFile(path);
  return text.split("\n").flatMap((line) => {
    if (line.trim() === "") return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      return [];
    }
  });
}

/**
 * The spec's run lock: one run at a time per spec. A lock whose process is gone (kill -9) is taken over;
 * a live one is refused at once instead of waited for, because runs take minutes.
 */
export async function acquireRunLock(specFolder: string): Promise<FileLock> {
  const directory = join(specFolder, "runs");
  await ensureDirectory(directory);
  try {
    return await acquireFileLock(join(directory, "active-run"), { timeoutMs: 0, staleAfterMs: 7 * 24 * 3_600_000 });
  } catch (error) {
    if (error instanceof WorkspaceError && error.code === "locked") {
      throw new WorkspaceError({
        code: "locked",
        message: "Another `specwright run` is working on this spec right now.",
        fix: "Wait for it to finish (or stop it); a run that was killed releases the lock by itself.",
        path: directory,
      });
    }
    throw error;
  }
}

/**
 * Edits a file that may not exist yet (undefined content), under its lock, written atomically; `edit`
 * returns undefined to leave it as it is.
 */
export async function editOrCreateTextFile(
  path: string,
  edit: (current: string | undefined) => string | undefined,
): Promise<boolean> {
  return withFileLock(path, async () => {
    const current = (await pathExists(path)) ? await readTextFile(path) : undefined;
    const next = edit(current);
    if (next === undefined || next === current) return false;
    await writeFileAtomic(path, next);
    return true;
  });
}
