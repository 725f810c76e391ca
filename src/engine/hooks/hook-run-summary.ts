import { type HookRunRecord, readHookRunRecords } from "../../workspace/hook-run-log.js";

/** What `status` says about the hooks that ran: how many, how many failed or blocked, and the last one. */
export interface HookRunSummary {
  readonly runs: number;
  readonly failed: number;
  readonly blocked: number;
  readonly last: HookRunRecord;
}

export async function summarizeHookRuns(root: string): Promise<HookRunSummary | undefined> {
  const records = await readHookRunRecords(root);
  const last = records.at(-1);
  if (last === undefined) return undefined;
  return {
    runs: records.length,
    failed: records.filter((record) => record.verdict === "failed").length,
    blocked: records.filter((record) => record.verdict === "blocked").length,
    last,
  };
}
