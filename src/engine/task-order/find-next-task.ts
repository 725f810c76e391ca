import { join } from "node:path";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { listSpecFolders } from "../../workspace/spec-folders.js";
import { EngineError } from "../engine-error.js";
import { resolveSpecFolder } from "../resolve-spec.js";
import { resolveWorkspaceRoot } from "../workspace-context.js";
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
  const folder = resolveSpecFolder(await listSpecFolders(root), options.spec);
  if (!folder.documents.includes("tasks.md")) {
    throw new EngineError({
      code: "no-tasks",
      message: `Spec "${folder.name}" has no tasks.md.`,
      fix: `Write the implementation plan first (\`specwright plan ${folder.name}\`, or tasks.md by hand).`,
    });
  }
  const file = join(folder.path, "tasks.md");
  const plan = parseTasks(await readTextFile(file));
  const next = nextTask(plan, { includeOptional: options.includeOptional === true });
  return { ...next, root, spec: folder.name, file };
}
