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
    case "call-end": {
      if (!verbose) return undefined;
      const usage = `${count(event.usage.inputTokens)} in / ${count(event.usage.outputTokens)} out`;
      // "done" read as if the task were finished; a step only ends one turn of the model.
      return event.agentStep === true
        ? `model: turn ended for ${event.purpose} (${usage}); the task is verified when the model stops`
        : `model: ${event.purpose} answered (${usage})`;
    }
    case "progress":
    case "call-failed":
      return undefined;
  }
}

export interface ModelEventPrinterOptions {
  readonly verbose: boolean;
  /** Where lines go; stderr by default. */
  readonly stream?: { write(text: string): unknown };
  /** How to write there; detected from stderr by default. */
  readonly terminal?: Terminal;
  /** The clock of the live line's elapsed seconds (tests). */
  readonly now?: () => number;
  /** Redraws the live line every second while a call runs; off in tests that draw by hand. */
  readonly tick?: boolean;
}

/** The live line of a running call: what it is for, how long it runs, the tokens streamed so far. */
export function formatCallProgress(purpose: string, elapsedMs: number, outputTokens: number | undefined): string {
  const tokens = outputTokens === undefined ? "waiting for the first token" : `~${count(outputTokens)} tokens`;
  return `${purpose}: ${Math.floor(elapsedMs / 1000)} s · ${tokens}`;
}

/**
 * Prints model events to stderr (stdout stays for the command's result and `--json`). On a terminal, a
 * running call shows as one line that updates in place (elapsed seconds, tokens so far when streaming),
 * so a slow local model is seen working; elsewhere only plain lines.
 */
export function createModelEventPrinter(options: ModelEventPrinterOptions): (event: ModelEvent) => void {
  const stream = options.stream ?? process.stderr;
  const terminal = options.terminal ?? detectTerminal(process.stderr);
  const now = options.now ?? Date.now;
  let progressShown = false;
  let running: { purpose: string; startedAt: number; outputTokens: number | undefined } | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const clearProgress = () => {
    if (!progressShown) return;
    stream.write("\r\u001b[2K");
    progressShown = false;
  };
  const draw = () => {
    if (running === undefined) return;
    const text = formatCallProgress(running.purpose, now() - running.startedAt, running.outputTokens);
    // A pseudo-terminal may report 0 columns: then the line is not cut at all.
    const fitted = terminal.width > 20 ? text.slice(0, terminal.width - 1) : text;
    stream.write(`\r\u001b[2K${paint(terminal, "dim", fitted)}`);
    progressShown = true;
  };
  const stopRunning = () => {
    running = undefined;
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const startRunning = (purpose: string) => {
    running = { purpose, startedAt: now(), outputTokens: undefined };
    if (options.tick !== false && timer === undefined) {
      timer = setInterval(draw, 1000);
      timer.unref();
    }
  };
  return (event) => {
    if (terminal.interactive) {
      if (event.type === "call-start") startRunning(event.purpose);
      if (event.type === "progress") {
        if (running?.purpose !== event.purpose) startRunning(event.purpose);
        if (running !== undefined) running.outputTokens = event.outputTokens;
        draw();
        return;
      }
    }
    if (event.type === "progress") return;
    const line = formatModelEvent(event, options.verbose);
    if (event.type === "call-end" || event.type === "call-failed") {
      stopRunning();
      clearProgress();
    }
    if (line === undefined) return;
    clearProgress();
    const style = event.type === "retry" || event.type === "warning" ? "yellow" : "dim";
    stream.write(`${paint(terminal, style, line)}\n`);
    draw();
  };
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}

function seconds(milliseconds: number): string {
  return milliseconds >= 1000 ? `${(milliseconds / 1000).toFixed(1)} s` : `${milliseconds} ms`;
}
