import { join } from "node:path";
import type { UnreadableFile } from "../rules/workspace-model.js";
import { fingerprintFiles } from "../workspace/file-fingerprint.js";
import { readTextFileSync } from "../workspace/read-text-file.js";
import { listSpecFolders, type SpecFolder } from "../workspace/spec-folders.js";
import { isWorkspaceError } from "../workspace/workspace-error.js";
import { relativeToRoot } from "./read-workspace-files.js";
import { resolveSpecFolder } from "./resolve-spec.js";
import { ResultCache } from "./result-cache.js";
import { readSpecSummary, type SpecType } from "./spec-summary.js";
import type { TaskProgress } from "./task-progress.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "./workspace-context.js";

export type SpecPhase = "requirements" | "bugfix" | "design" | "tasks";

export interface SpecStatus {
  readonly name: string;
  readonly type: SpecType;
  /** The documents that exist, in workflow order. */
  readonly phases: readonly SpecPhase[];
  /** Undefined when the spec has no readable tasks.md. */
  readonly progress: TaskProgress | undefined;
  /** Files that exist but could not be read. */
  readonly problems: readonly UnreadableFile[];
}

export interface WorkspaceStatus {
  readonly root: string;
  readonly specs: readonly SpecStatus[];
}

export async function getStatus(
  options: WorkspaceOptions & { readonly spec?: string; readonly cache?: boolean },
): Promise<WorkspaceStatus> {
  const root = await resolveWorkspaceRoot(options);
  const folders = await listSpecFolders(root);
  const selected = options.spec === undefined ? folders : [resolveSpecFolder(folders, options.spec)];
  const cache = options.cache === false ? undefined : await ResultCache.open<CachedProgress>(root, "status", "");
  let parse: ((text: string) => TaskProgress) | undefined;
  const progressOf = async (file: string): Promise<TaskProgress> => {
    // The parser loads only when some tasks.md changed since the last run.
    if (!parse) {
      const [{ parseTasks }, { countTasks }] = await Promise.all([
        import("../model/tasks/parse-tasks.js"),
        import("./task-progress.js"),
      ]);
      parse = (text) => countTasks(parseTasks(text).tasks);
    }
    return parse(readTextFileSync(file));
  };
  const specs: SpecStatus[] = [];
  for (const folder of selected) specs.push(await specStatus(root, folder, cache, progressOf));
  await cache?.save();
  return { root, specs };
}

interface CachedProgress {
  readonly fingerprint: string;
  readonly progress: TaskProgress;
}

async function specStatus(
  root: string,
  folder: SpecFolder,
  cache: ResultCache<CachedProgress> | undefined,
  progressOf: (file: string) => Promise<TaskProgress>,
): Promise<SpecStatus> {
  const summary = await readSpecSummary(folder);
  const phases: SpecPhase[] = [];
  if (summary.documents.requirements) phases.push("requirements");
  if (summary.documents.bugfix) phases.push("bugfix");
  if (summary.documents.design) phases.push("design");
  if (summary.documents.tasks) phases.push("tasks");
  const problems: UnreadableFile[] = [];
  let progress: TaskProgress | undefined;
  if (summary.documents.tasks) {
    const file = join(folder.path, "tasks.md");
    const fingerprint = fingerprintFiles([file]);
    progress = cache?.lookup(folder.name, fingerprint)?.progress;
    try {
      if (!progress) {
        progress = await progressOf(file);
        cache?.store(folder.name, { fingerprint, progress });
      }
    } catch (error) {
      if (!isWorkspaceError(error)) throw error;
      problems.push({ path: relativeToRoot(root, file), code: error.code, message: error.message, fix: error.fix });
    }
  }
  return { name: summary.name, type: summary.type, phases, progress, problems };
}
