import { join } from "node:path";

/** Where a spec's run records live: `.kiro/specs/<spec>/runs/`, one JSONL log and one summary per run. */
export interface RunRecordPaths {
  readonly directory: string;
  readonly log: string;
  readonly summary: string;
}

export const RUNS_DIRECTORY_NAME = "runs";

export function runRecordPaths(specFolder: string, runId: string): RunRecordPaths {
  const directory = join(specFolder, RUNS_DIRECTORY_NAME);
  return { directory, log: join(directory, `${runId}.jsonl`), summary: join(directory, `${runId}.summary.json`) };
}

/** A sortable, unique, file-name-safe id: the start time and a random suffix. */
export function newRunId(now: Date, random: string): string {
  return `${now.toISOString().replace(/[:.]/g, "-")}-${random}`;
}
