import type { UsageRecord } from "../../workspace/usage-log.js";
import { median } from "../llm/estimating-session.js";

/** What past task runs in `.kiro/specwright/usage.jsonl` say a task costs: medians over the runs. */
export interface TaskRunHistory {
  /** Task runs the medians are of. */
  readonly runs: number;
  /** Model steps (turns) a task took. */
  readonly turns: number;
  /** Output tokens of one step. */
  readonly outputPerStep: number;
  /** How much a step's input grows over the one before (the answer and tool results joining the conversation). */
  readonly inputGrowthPerStep: number;
}

const TASK_PURPOSE = /^task \S+$/;

/**
 * The agent steps of `run` are recorded one line each, purpose `task <id>`; consecutive lines of the same
 * task are one task run. Records of the same model are preferred when there are any. Undefined without
 * any task run.
 */
export function taskRunHistory(records: readonly UsageRecord[], modelId: string): TaskRunHistory | undefined {
  const steps = records.filter((record) => record.command === "run" && TASK_PURPOSE.test(record.purpose));
  const sameModel = steps.filter((record) => record.modelId === modelId);
  const runs = groupRuns(sameModel.length > 0 ? sameModel : steps);
  if (runs.length === 0) return undefined;
  const growths = runs
    .filter((run) => run.length > 1)
    .map((run) => {
      const first = run[0]?.inputTokens ?? 0;
      const last = run.at(-1)?.inputTokens ?? 0;
      return Math.max(0, Math.round((last - first) / (run.length - 1)));
    });
  return {
    runs: runs.length,
    turns: Math.max(1, median(runs.map((run) => run.length))),
    outputPerStep: median(runs.flat().map((record) => record.outputTokens)),
    inputGrowthPerStep: growths.length > 0 ? median(growths) : 0,
  };
}

function groupRuns(steps: readonly UsageRecord[]): UsageRecord[][] {
  const runs: UsageRecord[][] = [];
  for (const step of steps) {
    const current = runs.at(-1);
    if (current !== undefined && current[0]?.purpose === step.purpose) current.push(step);
    else runs.push([step]);
  }
  return runs;
}
