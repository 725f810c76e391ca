import type { ModelEvent, UsageTotals } from "../engine/llm/model-session.js";
import { detectTerminal, paint, type Terminal } from "./terminal.js";

/** `tokens: 1,234 in / 567 out · est. $0.0123` (or `cost unknown`), the line every model command prints. */
export function formatUsageLine(totals: UsageTotals): string {
  const tokens = `tokens: ${count(totals.inputTokens)} in / ${count(totals.outputTokens)} out`;
  const cost = totals.costUsd === undefined ? "cost unknown" : `est. ${formatUsd(totals.costUsd)}`;
  const retries = (totals.retries ?? 0) > 0 ? ` · ${totals.retries} ${totals.retries === 1 ? "retry" : "retries"}` : "";
  return `${tokens} · ${cost}${retries}`;
}

/** Dollars with four decimals under a dollar, where model calls usually are, and two above. */
export function formatUsd(value: number): string {
  return value < 1 ? `$${value.toFixed(4)}` : `$${value.toFixed(2)}`;
}

/** One line for an event worth a line (retries and warnings always; calls with `verbose`); progress is not. */
export function formatModelEvent(event: ModelEvent, verbose: boolean): string | undefined {
  switch (event.type) {
    case "retry":
      return `retrying ${event.purpose} in ${seconds(event.delayMs)} (${event.reason}; retry ${event.attempt})`;
    case "warning":
      return `warning: ${event.message}`;
    case "call-start":
      return verbose ? `model: ${event.purpose}…` : undefined;
    case "call-end":
      return verbose
        ? `model: ${event.purpose} done, ${count(event.usage.inputTokens)} in / ${count(event.usage.outputTokens)} out`
        : undefined;
    case "progress":
      return undefined;
  }
}

export interface ModelEventPrinterOptions {
  readonly verbose: boolean;
  /** Where lines go; stderr by default. */
  readonly stream?: { write(text: string): unknown };
  /** How to write there; detected from stderr by default. */
  readonly terminal?: Terminal;
}

/**
 * Prints model events to stderr (stdout stays for the command's result and `--json`). On a terminal, a
 * streamed answer shows as one line that updates in place.
 */
export function createModelEventPrinter(options: ModelEventPrinterOptions): (event: ModelEvent) => void {
  const stream = options.stream ?? process.stderr;
  const terminal = options.terminal ?? detectTerminal(process.stderr);
  let progressShown = false;
  const clearProgress = () => {
    if (!progressShown) return;
    stream.write("\r\u001b[2K");
    progressShown = false;
  };
  return (event) => {
    if (event.type === "progress") {
      if (!terminal.interactive) return;
      stream.write(`\r\u001b[2K${paint(terminal, "dim", `${event.purpose}: ~${count(event.outputTokens)} tokens`)}`);
      progressShown = true;
      return;
    }
    const line = formatModelEvent(event, options.verbose);
    if (event.type === "call-end") clearProgress();
    if (line === undefined) return;
    clearProgress();
    const style = event.type === "retry" || event.type === "warning" ? "yellow" : "dim";
    stream.write(`${paint(terminal, style, line)}\n`);
  };
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}

function seconds(milliseconds: number): string {
  return milliseconds >= 1000 ? `${(milliseconds / 1000).toFixed(1)} s` : `${milliseconds} ms`;
}
