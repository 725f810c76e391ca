import { dirname, join } from "node:path";
import { createFileExclusive } from "../../workspace/create-file-exclusive.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { editOrCreateTextFile, RUNS_DIRECTORY_NAME } from "../../workspace/run-log/index.js";
import type { UserQuestion } from "../agent-tools/agent-tool-context.js";

/** A task paused by the agent's `ask_user`: the question waiting for `run --answer`. */
export interface PausedQuestion {
  readonly taskId: string;
  readonly title: string;
  readonly runId: string;
  readonly at: string;
  readonly question: UserQuestion;
}

/** `runs/questions.json` of a spec: the paused tasks' questions, by task id. */
export const PAUSED_QUESTIONS_FILE_NAME = "questions.json";

const fileOf = (specFolder: string) => join(specFolder, RUNS_DIRECTORY_NAME, PAUSED_QUESTIONS_FILE_NAME);

function parse(text: string | undefined): Map<string, PausedQuestion> {
  const records = new Map<string, PausedQuestion>();
  if (text === undefined) return records;
  try {
    const value = JSON.parse(text) as { tasks?: Record<string, PausedQuestion> };
    for (const [taskId, record] of Object.entries(value.tasks ?? {})) {
      if (typeof record?.question?.id === "string") records.set(taskId, record);
    }
  } catch {
    // The runner's own file; an unreadable one holds no questions and is rewritten on the next pause.
  }
  return records;
}

/** Sets (or with `record` undefined, clears) a task's paused question (locked, atomic). */
export async function writePausedQuestion(
  specFolder: string,
  taskId: string,
  record: PausedQuestion | undefined,
): Promise<void> {
  const file = fileOf(specFolder);
  if (record === undefined && !(await pathExists(file))) return;
  await ensureDirectory(dirname(file));
  await createFileExclusive(join(dirname(file), ".gitignore"), "*\n").catch(() => undefined);
  await editOrCreateTextFile(file, (current) => {
    const records = parse(current);
    if (record === undefined) records.delete(taskId);
    else records.set(taskId, record);
    return `${JSON.stringify({ schemaVersion: 1, tasks: Object.fromEntries(records) }, null, 2)}\n`;
  });
}

/** The spec's paused questions, oldest task first; none without the file. */
export async function readPausedQuestions(specFolder: string): Promise<PausedQuestion[]> {
  const text = await readTextFile(fileOf(specFolder)).catch(() => undefined);
  return [...parse(text).values()];
}
