import { dirname, join } from "node:path";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { createFileExclusive } from "../../workspace/create-file-exclusive.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { fileSha256 } from "../../workspace/file-sha256.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { editOrCreateTextFile, RUNS_DIRECTORY_NAME } from "../../workspace/run-log/index.js";
import { listSpecFolders } from "../../workspace/spec-folders.js";
import { EngineError } from "../errors/engine-error.js";
import { parseReviewRecords, REVIEW_RECORDS_FILE_NAME, type ReviewRecord, setReviewRecord } from "./review-records.js";

function recordsFile(specFolder: string): string {
  return join(specFolder, RUNS_DIRECTORY_NAME, REVIEW_RECORDS_FILE_NAME);
}

/** Sets (or with `record` undefined, clears) a task's review record in the spec's `runs/` (locked, atomic). */
export async function writeReviewRecord(
  specFolder: string,
  taskId: string,
  record: ReviewRecord | undefined,
): Promise<void> {
  const file = recordsFile(specFolder);
  if (record === undefined && !(await pathExists(file))) return;
  // The runs folder keeps out of checkpoints and commits, also when `complete_task` makes it first.
  await ensureDirectory(dirname(file));
  await createFileExclusive(join(dirname(file), ".gitignore"), "*\n").catch(() => undefined);
  await editOrCreateTextFile(file, (current) => setReviewRecord(current, taskId, record));
}

/** A task waiting for review: its record, for a task tasks.md does not show done (a person's `--status done` settles it). */
export interface PendingReview extends ReviewRecord {
  readonly taskId: string;
}

/** The spec's tasks waiting for review; none when it has no records. */
export async function pendingReviews(specFolder: string, tasksFile: string): Promise<PendingReview[]> {
  const text = await readTextFile(recordsFile(specFolder)).catch(() => undefined);
  const records = parseReviewRecords(text);
  if (records.size === 0) return [];
  const tasks = await readTextFile(tasksFile).catch(() => undefined);
  const done = new Set(
    (tasks === undefined ? [] : flatten(parseTasks(tasks).tasks))
      .filter((task) => task.status === "done")
      .map((task) => task.id ?? ""),
  );
  return [...records]
    .filter(([taskId]) => !done.has(taskId))
    .map(([taskId, record]) => ({ taskId, ...record }))
    .sort((left, right) => (left.taskId < right.taskId ? -1 : 1));
}

interface TaskTree {
  readonly id?: string | undefined;
  readonly status: string;
  readonly children: readonly TaskTree[];
}

function flatten<T extends TaskTree>(tasks: readonly T[]): TaskTree[] {
  return tasks.flatMap((task) => [task, ...flatten(task.children)]);
}

/**
 * Refuses a run while a task of any spec changed the settings, steering or hooks and nobody has looked:
 * the task is not done and the file is still exactly as the task left it. Reverting the task, editing the
 * file or checking the task off by hand settles it.
 */
export async function refuseUnreviewedRunControl(root: string): Promise<void> {
  const unreviewed: string[] = [];
  let example: { spec: string; taskId: string } | undefined;
  for (const folder of await listSpecFolders(root)) {
    for (const review of await pendingReviews(folder.path, join(folder.path, "tasks.md"))) {
      for (const file of review.runControlFiles) {
        if ((await fileSha256(join(root, file.path))) !== file.sha256) continue;
        unreviewed.push(`${file.path} (task ${review.taskId} of ${folder.name})`);
        example ??= { spec: folder.name, taskId: review.taskId };
      }
    }
  }
  if (example === undefined) return;
  throw new EngineError({
    code: "unreviewed-run-control-change",
    message: `An agent task changed what steers a run and nobody has reviewed it yet: ${unreviewed.join(", ")}. A run does not use settings, steering or hooks an agent wrote for itself.`,
    fix: `Look at it with \`specwright diff ${example.spec} --task ${example.taskId}\`; then undo it with \`specwright revert ${example.spec} --task ${example.taskId}\`, or accept the task and its change with \`specwright task ${example.spec} ${example.taskId} --status done\`.`,
  });
}
