import { join } from "node:path";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { locateSpecTasks } from "../tasks/locate-spec-tasks.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import { type PlannedWaves, planWaves, readKiroWaves } from "./plan-waves.js";

export interface LoadTaskWavesOptions extends WorkspaceOptions {
  readonly spec: string;
  readonly taskIds?: readonly string[];
  readonly includeOptional?: boolean;
}

export interface LoadedTaskWaves extends PlannedWaves {
  readonly root: string;
  readonly spec: string;
}

/** The waves `run --all --parallel` would run now, from tasks.md and Kiro's tasks.meta.json on disk. */
export async function loadTaskWaves(options: LoadTaskWavesOptions): Promise<LoadedTaskWaves> {
  const root = await resolveWorkspaceRoot(options);
  const { folder, file } = await locateSpecTasks(root, options.spec);
  const document = parseTasks(await readTextFile(file));
  const metaFile = join(folder.path, "tasks.meta.json");
  const meta = (await pathExists(metaFile)) ? await readTextFile(metaFile) : undefined;
  const planned = planWaves(document, readKiroWaves(meta), {
    ...(options.taskIds ? { taskIds: options.taskIds } : {}),
    includeOptional: options.includeOptional === true,
  });
  return { ...planned, root, spec: folder.name };
}
