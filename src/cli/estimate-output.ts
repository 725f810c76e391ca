import type { StepEstimate } from "../engine/llm/estimating-session.js";
import type { RunEstimate } from "../engine/runner/estimate-run.js";
import { formatUsd } from "./model-usage-output.js";
import { detectTerminal, paint } from "./terminal.js";

/** `--estimate`'s report: one line per call that would be made, then the total; nothing was sent. */
export function printEstimate(estimate: StepEstimate, json: boolean): void {
  if (json) {
    const document = {
      ok: true,
      estimate: true,
      model: estimate.model,
      calls: estimate.calls,
      totals: estimate.totals,
    };
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  const terminal = detectTerminal();
  const count = (value: number) => value.toLocaleString("en-US");
  const cost = (value: number | undefined) => (value === undefined ? "cost unknown" : `est. ${formatUsd(value)}`);
  const width = Math.max(5, ...estimate.calls.map((call) => call.purpose.length));
  const lines = [paint(terminal, "bold", `Estimate for ${estimate.model} (nothing was sent):`)];
  for (const call of estimate.calls) {
    const from = call.outputFrom === "history" ? `median of ${call.historyCalls} past calls` : "default";
    lines.push(
      `  ${call.purpose.padEnd(width)}  ${count(call.inputTokens)} in / ${count(call.outputTokens)} out (${from}) · ${cost(call.costUsd)}`,
    );
  }
  const { totals } = estimate;
  lines.push(
    `  ${"total".padEnd(width)}  ${count(totals.inputTokens)} in / ${count(totals.outputTokens)} out · ${cost(totals.costUsd)}`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** `run --estimate`'s report: one line per task (first turn counted, turns and output from history or defaults), then the sum. */
export function printRunEstimate(estimate: RunEstimate, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: true, estimate: true, ...estimate }, null, 2)}\n`);
    return;
  }
  const terminal = detectTerminal();
  const count = (value: number) => value.toLocaleString("en-US");
  const cost = (value: number | undefined) => (value === undefined ? "cost unknown" : `est. ${formatUsd(value)}`);
  const from =
    estimate.historyRuns > 0
      ? `turns and output: medians of ${estimate.historyRuns} past task runs`
      : "turns and output: defaults (no task runs in usage.jsonl yet)";
  const lines = [
    paint(terminal, "bold", `Estimate of run ${estimate.spec} for ${estimate.model} (nothing was sent; ${from}):`),
  ];
  if (estimate.tasks.length === 0) lines.push("  no task to run");
  const width = Math.max(5, ...estimate.tasks.map((task) => `task ${task.taskId}`.length));
  for (const task of estimate.tasks) {
    const turns = task.turns === 0 ? "checkpoint: tests first" : `${task.turns} turns`;
    lines.push(
      `  ${`task ${task.taskId}`.padEnd(width)}  first turn ${count(task.firstTurnInputTokens)} · ${turns} · ${count(task.inputTokens)} in / ${count(task.outputTokens)} out · ${cost(task.costUsd)}`,
    );
  }
  const { totals } = estimate;
  lines.push(
    `  ${"total".padEnd(width)}  ${estimate.tasks.length} tasks · ${totals.turns} turns · ${count(totals.inputTokens)} in / ${count(totals.outputTokens)} out · ${cost(totals.costUsd)}`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}
