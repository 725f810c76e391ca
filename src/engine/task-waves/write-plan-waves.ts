import { join, relative, sep } from "node:path";
import { setStoredWaves } from "../../model/settings/tasks-meta-waves.js";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import { editOrCreateTextFile } from "../../workspace/run-log/index.js";
import { EngineError } from "../errors/engine-error.js";
import { locateSpecTasks } from "../tasks/locate-spec-tasks.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import { type IntendedWaves, intendedWaves } from "./intended-waves.js";

export interface WritePlanWavesOptions extends WorkspaceOptions {
  readonly spec: string;
  /** Compute and return the waves, write nothing (`plan --waves --dry-run`). */
  readonly dryRun?: boolean;
}

export interface WrittenPlanWaves {
  readonly root: string;
  readonly spec: string;
  /** tasks.meta.json, relative to the root with `/`. */
  readonly file: string;
  readonly waves: IntendedWaves["waves"];
  readonly stored: IntendedWaves["stored"];
  readonly source: IntendedWaves["source"];
  /** False when the file already held these waves, or on a dry run. */
  readonly changed: boolean;
}

/**
 * Writes the plan's waves into the spec's tasks.meta.json in Kiro's format (`"waves": [["1", "2"], ["3"]]`),
 * so `run --parallel` and Kiro agree on what may run together. No model: the waves come from tasks.md as it
 * is. Under tasks.meta.json's lock (the runner records task runs under the same lock) tasks.md and the meta
 * file are read fresh, so a concurrent edit of either is never lost; only the `waves` value changes, every
 * other byte of the file stays. A cycle or an unknown `_Depends:_` task is refused before anything is written.
 */
export async function writePlanWaves(options: WritePlanWavesOptions): Promise<WrittenPlanWaves> {
  const root = await resolveWorkspaceRoot(options);
  const { folder, file: tasksFile } = await locateSpecTasks(root, options.spec);
  const metaFile = join(folder.path, "tasks.meta.json");
  const relativeFile = relative(root, metaFile).split(sep).join("/");
  let planned = intendedWaves(parseTasks(readTextFileSync(tasksFile)));
  let changed = false;
  if (options.dryRun !== true) {
    let problem: string | undefined;
    changed = await editOrCreateTextFile(metaFile, (current) => {
      // Read again under the lock: the waves written are those of tasks.md as it is at this moment.
      planned = intendedWaves(parseTasks(readTextFileSync(tasksFile)));
      const edit = setStoredWaves(current, planned.stored);
      if (edit.ok) return edit.text;
      problem = edit.reason;
      return undefined;
    });
    if (problem !== undefined) {
      throw new EngineError({
        code: "tasks-meta-unreadable",
        message: `The waves were not written: ${problem}; the file was left as it is.`,
        fix: `Repair ${relativeFile} (\`specwright check\` shows where), or delete it, then run \`specwright plan ${folder.name} --waves\`.`,
        path: metaFile,
      });
    }
  }
  return {
    root,
    spec: folder.name,
    file: relativeFile,
    waves: planned.waves,
    stored: planned.stored,
    source: planned.source,
    changed,
  };
}

/** After tasks.md was written: the waves written, or why not (tasks.md itself is already in place). */
export type PlanWavesOutcome =
  | { readonly status: "written"; readonly waves: WrittenPlanWaves }
  | { readonly status: "not-written"; readonly code: string; readonly message: string; readonly fix: string };

/**
 * {@link writePlanWaves} for the commands that have just written tasks.md (`plan`, `plan --update`,
 * `refine … tasks`): a plan whose waves cannot be computed (a cycle, an unknown `_Depends:_`) or a
 * tasks.meta.json that is not JSON does not undo the plan; it is reported beside it.
 */
export async function refreshPlanWaves(options: WritePlanWavesOptions): Promise<PlanWavesOutcome> {
  try {
    return { status: "written", waves: await writePlanWaves(options) };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { status: "not-written", code: error.code, message: error.message, fix: error.fix };
  }
}
