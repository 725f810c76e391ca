import { join } from "node:path";
import { listSpecFolders, type SpecFolder } from "../../workspace/spec-folders.js";
import { EngineError } from "../errors/engine-error.js";
import { resolveSpecFolder } from "../workspace-model/resolve-spec.js";

export interface SpecTasksFile {
  readonly folder: SpecFolder;
  /** Absolute path of the spec's tasks.md. */
  readonly file: string;
}

/**
 * The spec named `spec` in the workspace at `root` and its tasks.md, for every command that works on tasks;
 * an unknown spec names the closest ones, and a spec without tasks.md is refused with how to write one.
 */
export async function locateSpecTasks(root: string, spec: string): Promise<SpecTasksFile> {
  const folder = resolveSpecFolder(await listSpecFolders(root), spec);
  if (!folder.documents.includes("tasks.md")) throw noTasksError(folder.name);
  return { folder, file: join(folder.path, "tasks.md") };
}

/** The refusal for a spec that has no tasks.md yet. */
export function noTasksError(spec: string): EngineError {
  return new EngineError({
    code: "no-tasks",
    message: `Spec "${spec}" has no tasks.md.`,
    fix: `Write the implementation plan first (\`specwright plan ${spec}\`, or tasks.md by hand).`,
  });
}
