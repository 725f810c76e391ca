import { join } from "node:path";
import { parseBugfix } from "../../model/bugfix/parse-bugfix.js";
import { parseRequirements } from "../../model/requirements/parse-requirements.js";
import { splitSourceText } from "../../model/source/source-text.js";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";
import { locateSpecTasks } from "../tasks/locate-spec-tasks.js";
import { assembleTaskContext } from "./assemble-task-context.js";
import { type ContextWorkspaceOptions, resolveContextRoot } from "./context-options.js";
import { readSteeringInputs, type SteeringInputs } from "./read-steering-inputs.js";
import type { TaskContext } from "./task-context-types.js";

/**
 * The context a model (or an agent over MCP) gets to implement one task: the task, only the criteria it
 * references, the design sections that mention them, and the steering its files and text call for, capped
 * at `maxChars` with a report of what was included and cut. Documents are read as they are on disk now.
 */
export async function buildTaskContext(
  options: ContextWorkspaceOptions & {
    readonly spec: string;
    readonly taskId: string;
    readonly maxChars?: number;
    /** The steering to use (a run reads it once when it starts); read from disk when absent. */
    readonly steering?: SteeringInputs;
    /** Files in play besides the ones the task names (the files a run touched). */
    readonly filesInPlay?: readonly string[];
  },
): Promise<TaskContext> {
  const root = await resolveContextRoot(options);
  const { folder, file } = await locateSpecTasks(root, options.spec);
  const read = (name: string) => readIfExists(join(folder.path, name));
  const [tasks, requirements, bugfix, design] = await Promise.all([
    readTextFile(file),
    read("requirements.md"),
    read("bugfix.md"),
    read("design.md"),
  ]);
  const steering = options.steering ?? (await readSteeringInputs(root));
  return assembleTaskContext({
    root,
    spec: folder.name,
    plan: parseTasks(tasks),
    taskId: options.taskId,
    ...(requirements === undefined ? {} : { requirements: parseRequirements(requirements) }),
    ...(bugfix === undefined ? {} : { bugfix: parseBugfix(bugfix) }),
    ...(design === undefined ? {} : { design: splitSourceText(design) }),
    steering: steering.steering,
    steeringProblems: steering.problems,
    ...(options.maxChars === undefined ? {} : { maxChars: options.maxChars }),
    ...(options.filesInPlay === undefined ? {} : { filesInPlay: options.filesInPlay }),
  });
}

/** A document the spec does not have is simply not in the context. */
async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readTextFile(path);
  } catch (error) {
    if (isWorkspaceError(error, "not-found")) return undefined;
    throw error;
  }
}
