import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { locateSpecTasks } from "../tasks/locate-spec-tasks.js";
import { resolveWorkspaceRoot } from "../workspace-model/workspace-context.js";
import { type NextTask, nextTask } from "./next-task.js";

export type FoundNextTask = NextTask & {
  readonly root: string;
  readonly spec: string;
  /** Absolute path of the spec's tasks.md. */
  readonly file: string;
};

/** The next task of a spec's tasks.md as it is on disk now (see `nextTask`). */
export async function findNextTask(options: {
  readonly root?: string;
  readonly cwd?: string;
  readonly spec: string;
  readonly includeOptional?: boolean;
}): Promise<FoundNextTask> {
  const root = await resolveWorkspaceRoot({
    cwd: options.cwd ?? process.cwd(),
    ...(options.root === undefined ? {} : { root: options.root }),
  });
  const { folder, file } = await locateSpecTasks(root, options.spec);
  const plan = parseTasks(await readTextFile(file));
  const next = nextTask(plan, { includeOptional: options.includeOptional === true });
  return { ...next, root, spec: folder.name, file };
}
