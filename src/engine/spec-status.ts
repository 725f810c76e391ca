import { join } from "node:path";
import { parseTasks } from "../model/tasks/parse-tasks.js";
import { readTextFileSync } from "../workspace/read-text-file.js";
import { listSpecFolders, type SpecFolder } from "../workspace/spec-folders.js";
import { isWorkspaceError } from "../workspace/workspace-error.js";
import { resolveSpecFolder } from "./resolve-spec.js";
import { type SpecType, summarizeSpec } from "./spec-summary.js";
import { countTasks, type TaskProgress } from "./task-progress.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "./workspace-context.js";

export type SpecPhase = "requirements" | "bugfix" | "design" | "tasks";

export interface SpecProblem {
  readonly file: string;
  readonly code: string;
  readonly message: string;
  readonly fix: string;
}

export interface SpecStatus {
  readonly name: string;
  readonly type: SpecType;
  /** The documents that exist, in workflow order. */
  readonly phases: readonly SpecPhase[];
  /** Undefined when the spec has no readable tasks.md. */
  readonly progress: TaskProgress | undefined;
  /** Files that exist but could not be read. */
  readonly problems: readonly SpecProblem[];
}

export interface WorkspaceStatus {
  readonly root: string;
  readonly specs: readonly SpecStatus[];
}

export async function getStatus(options: WorkspaceOptions & { readonly spec?: string }): Promise<WorkspaceStatus> {
  const root = await resolveWorkspaceRoot(options);
  const folders = await listSpecFolders(root);
  const selected = options.spec === undefined ? folders : [resolveSpecFolder(folders, options.spec)];
  const specs = selected.map(specStatus);
  return { root, specs };
}

function specStatus(folder: SpecFolder): SpecStatus {
  const summary = summarizeSpec(folder);
  const phases: SpecPhase[] = [];
  if (summary.documents.requirements) phases.push("requirements");
  if (summary.documents.bugfix) phases.push("bugfix");
  if (summary.documents.design) phases.push("design");
  if (summary.documents.tasks) phases.push("tasks");
  const problems: SpecProblem[] = [];
  let progress: TaskProgress | undefined;
  if (summary.documents.tasks) {
    const file = join(folder.path, "tasks.md");
    try {
      progress = countTasks(parseTasks(readTextFileSync(file)).tasks);
    } catch (error) {
      if (!isWorkspaceError(error)) throw error;
      problems.push({ file, code: error.code, message: error.message, fix: error.fix });
    }
  }
  return { name: summary.name, type: summary.type, phases, progress, problems };
}
