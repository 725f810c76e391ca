import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { appendJsonLine } from "./append-json-line.js";
import { kiroPaths } from "./kiro-paths.js";

/** One hook run as `.kiro/specwright/hooks.jsonl` records it. */
export interface HookRunRecord {
  readonly at: string;
  readonly hook: string;
  readonly file: string;
  /** The trigger as the hook file names it, and the Specwright event it ran for. */
  readonly trigger: string;
  readonly event: string;
  readonly action: "command" | "agent";
  readonly payload: string;
  /** null when the command was killed (time-out, signal) or the action was an agent turn. */
  readonly exitCode: number | null;
  readonly verdict: "ok" | "blocked" | "failed";
  readonly durationMs: number;
  readonly tokens?: { readonly input: number; readonly output: number };
}

export function hookRunLogPath(root: string): string {
  return join(kiroPaths(root).kiroDirectory, "specwright", "hooks.jsonl");
}

export async function appendHookRunRecord(root: string, record: HookRunRecord): Promise<void> {
  await appendJsonLine(hookRunLogPath(root), record);
}

/** The records of the log, oldest first; lines that are not records (hand edits, a cut line) are skipped. */
export async function readHookRunRecords(root: string): Promise<HookRunRecord[]> {
  let text: string;
  try {
    text = await readFile(hookRunLogPath(root), "utf8");
  } catch {
    return [];
  }
  const records: HookRunRecord[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const value = JSON.parse(line) as Partial<HookRunRecord>;
      if (typeof value.hook === "string" && typeof value.verdict === "string" && typeof value.at === "string") {
        records.push(value as HookRunRecord);
      }
    } catch {
      // Not a record.
    }
  }
  return records;
}
