import { join } from "node:path";
import { readRunSummaries } from "../../workspace/run-log/read-run-summaries.js";
import { listSpecFolders } from "../../workspace/spec-folders.js";
import { readUsageRecords } from "../../workspace/usage-log.js";
import type { DashboardRoot } from "./dashboard-roots.js";

/** One model call on the cost chart. */
export interface CostPoint {
  readonly root: string;
  readonly time: string;
  readonly tokens: number;
  /** Estimated USD; null when the model's price is unknown. */
  readonly cost: number | null;
  readonly command: string;
  /** The spec whose run made the call; absent for calls outside a run (authoring) or not matched to one. */
  readonly spec?: string;
  readonly task?: string;
}

export interface CostTotal {
  readonly root: string;
  readonly spec: string;
  readonly task?: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly tokens: number;
  readonly cost: number | null;
}

export interface CostReport {
  readonly tasks: readonly CostTotal[];
  readonly specs: readonly CostTotal[];
  readonly series: readonly CostPoint[];
}

interface RunWindow {
  readonly spec: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Tokens and cost per task, per spec and over time. The usage log has every call with its cost but not the
 * spec; the run records say which spec ran when, so a `run` call is given to the run whose time covers it.
 */
export async function costReport(roots: readonly DashboardRoot[]): Promise<CostReport> {
  const series: CostPoint[] = [];
  const tasks = new Map<string, Mutable<CostTotal>>();
  const specs = new Map<string, Mutable<CostTotal>>();
  for (const root of roots) {
    const [records, windows] = await Promise.all([readUsageRecords(root.path), runWindows(root.path)]);
    for (const record of records) {
      const time = Date.parse(record.at);
      const window = record.command === "run" ? windows.find((run) => time >= run.start && time <= run.end) : undefined;
      const task = /^task (\S+)/.exec(record.purpose)?.[1];
      const tokens = record.inputTokens + record.outputTokens;
      series.push({
        root: root.id,
        time: record.at,
        tokens,
        cost: record.costUsd,
        command: record.command,
        ...(window === undefined ? {} : { spec: window.spec, ...(task === undefined ? {} : { task }) }),
      });
      if (window === undefined) continue;
      add(specs, `${root.id}\u0000${window.spec}`, { root: root.id, spec: window.spec }, record);
      if (task !== undefined) {
        add(tasks, `${root.id}\u0000${window.spec}\u0000${task}`, { root: root.id, spec: window.spec, task }, record);
      }
    }
  }
  series.sort((left, right) => left.time.localeCompare(right.time));
  return { tasks: [...tasks.values()], specs: [...specs.values()], series };
}

type Mutable<T> = { -readonly [Key in keyof T]: T[Key] };

function add(
  totals: Map<string, Mutable<CostTotal>>,
  key: string,
  identity: Pick<CostTotal, "root" | "spec" | "task">,
  record: { readonly inputTokens: number; readonly outputTokens: number; readonly costUsd: number | null },
): void {
  const total = totals.get(key) ?? { ...identity, inputTokens: 0, outputTokens: 0, tokens: 0, cost: 0 };
  total.inputTokens += record.inputTokens;
  total.outputTokens += record.outputTokens;
  total.tokens += record.inputTokens + record.outputTokens;
  // One call without a price makes the total unknown: a partial sum would read as the whole cost.
  total.cost = total.cost === null || record.costUsd === null ? null : total.cost + record.costUsd;
  totals.set(key, total);
}

async function runWindows(root: string): Promise<RunWindow[]> {
  const windows: RunWindow[] = [];
  for (const folder of await listSpecFolders(root)) {
    for (const summary of await readRunSummaries(join(folder.path))) {
      if (typeof summary !== "object" || summary === null) continue;
      const { startedAt, finishedAt } = summary as { startedAt?: unknown; finishedAt?: unknown };
      if (typeof startedAt !== "string" || typeof finishedAt !== "string") continue;
      windows.push({ spec: folder.name, start: Date.parse(startedAt), end: Date.parse(finishedAt) });
    }
  }
  return windows;
}
