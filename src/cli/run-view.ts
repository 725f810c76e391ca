import type { ModelEvent } from "../engine/llm/model-session.js";
import type { RunEvent } from "../engine/runner/run-events.js";
import type { RunSummary, TaskOutcome } from "../engine/runner/run-summary.js";
import { formatUsageLine } from "./model-usage-output.js";
import { paint, type Terminal } from "./terminal.js";

/** How a run is shown: a live status line on a terminal, plain lines otherwise, or a JSON event stream. */
export interface RunView {
  readonly onEvent: (event: RunEvent) => void;
  /**
   * The model's events on the live line (tokens of the answer streaming in); undefined off a terminal,
   * where the usual stderr lines serve. Lines (retries, warnings) are printed above the live line.
   */
  readonly onModelEvent?: (event: ModelEvent, line: string | undefined) => void;
  /** Clears the live line before a prompt writes to the terminal. */
  readonly pause: () => void;
  readonly stop: () => void;
}

export function createRunView(options: {
  readonly terminal: Terminal;
  readonly json: boolean;
  readonly write?: (text: string) => void;
}): RunView {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  if (options.json) {
    return { onEvent: (event) => write(`${JSON.stringify(event)}\n`), pause: () => undefined, stop: () => undefined };
  }
  const { terminal } = options;
  const live = terminal.interactive;
  // `paused` while a prompt owns the terminal: the timer must not draw over the question.
  const state = {
    spec: "<spec>",
    task: "",
    step: 0,
    tool: "",
    tokens: 0,
    streaming: 0,
    startedAt: Date.now(),
    shown: false,
    paused: false,
  };
  const clear = () => {
    if (live && state.shown) write("\r\u001b[2K");
    state.shown = false;
  };
  const drawStatus = () => {
    if (!live || state.paused || state.task === "") return;
    const elapsed = Math.round((Date.now() - state.startedAt) / 1000);
    const answer = state.streaming > 0 ? `answer ~${state.streaming} tokens` : "";
    const parts = [
      `task ${state.task}`,
      `step ${state.step}`,
      state.tool,
      answer,
      `${state.tokens} tokens`,
      `${elapsed}s`,
    ];
    clear();
    write(
      paint(
        terminal,
        "dim",
        parts
          .filter((part) => part !== "")
          .join(" · ")
          .slice(0, terminal.width - 1),
      ),
    );
    state.shown = true;
  };
  const line = (text: string) => {
    clear();
    write(`${text}\n`);
    drawStatus();
  };
  const timer = live ? setInterval(drawStatus, 1000) : undefined;
  timer?.unref();
  return {
    onEvent: (event) => {
      state.paused = false;
      const text = describeRunEvent(event, terminal, state);
      if (text !== undefined) line(text);
      else drawStatus();
    },
    ...(live
      ? {
          onModelEvent: (event: ModelEvent, text: string | undefined) => {
            if (event.type === "progress") state.streaming = event.outputTokens;
            if (event.type === "call-end" || event.type === "call-failed") state.streaming = 0;
            if (text !== undefined)
              line(paint(terminal, event.type === "retry" || event.type === "warning" ? "yellow" : "dim", text));
            else drawStatus();
          },
        }
      : {}),
    pause: () => {
      clear();
      state.paused = true;
    },
    stop: () => {
      if (timer) clearInterval(timer);
      clear();
    },
  };
}

interface LiveState {
  spec?: string;
  task: string;
  step: number;
  tool: string;
  tokens: number;
}

/** The line an event prints (undefined: it only updates the live status). Pure apart from `state`. */
export function describeRunEvent(event: RunEvent, terminal: Terminal, state: LiveState): string | undefined {
  switch (event.type) {
    case "run-start":
      state.spec = event.spec;
      return `run ${event.runId}: ${event.spec}, ${event.mode}, tasks ${event.taskIds.join(", ") || "(none)"}${
        event.resumed.length > 0 ? ` (resuming ${event.resumed.join(", ")})` : ""
      }${event.reset.length > 0 ? ` (reset ${event.reset.join(", ")})` : ""}`;
    case "task-start":
      state.task = event.taskId;
      state.step = 0;
      state.tool = "";
      return paint(terminal, "bold", `▶ ${event.taskId} ${event.title}${event.checkpoint ? " (checkpoint)" : ""}`);
    case "task-skipped":
      return paint(terminal, "dim", `  skipped ${event.taskId}: ${event.reason}`);
    case "checkpoint":
    case "context":
      return undefined;
    case "baseline":
      return terminal.interactive
        ? undefined
        : paint(terminal, "dim", `  baseline: ${event.command}, ${event.testCount} test(s)`);
    case "tool-call":
      state.step = event.step;
      state.tool = event.tool;
      return terminal.interactive ? undefined : `  ${event.tool} ${event.input}`;
    case "tool-result":
      return event.ok ? undefined : paint(terminal, "yellow", `  ${event.tool} failed: ${event.summary}`);
    case "step-end":
      state.step = event.step;
      state.tool = "";
      state.tokens = event.totals.inputTokens + event.totals.outputTokens;
      return undefined;
    case "approval":
      return `  review: ${event.files.length} file(s), rejected ${event.rejected.length > 0 ? event.rejected.join(", ") : "none"}`;
    case "verify-start":
      state.tool = `verifying (${event.command})`;
      return undefined;
    case "verify-end":
      state.tool = "";
      // The run before the task only counts the tests; the baseline event tells it.
      if (event.round < 0) return undefined;
      return event.passed
        ? paint(terminal, "green", `  verification passed (${Math.round(event.durationMs / 100) / 10}s)`)
        : paint(terminal, "red", `  verification failed (exit ${event.exitCode ?? "none"})`);
    case "repair":
      return `  repair round ${event.round} of ${event.of}`;
    case "task-end":
      state.task = "";
      return describeOutcome(event.outcome, terminal, state.spec ?? "<spec>");
    case "parent-done":
      return paint(terminal, "green", `✓ ${event.taskId} (all its required sub-tasks are done)`);
    case "warning":
      return paint(terminal, "yellow", `warning: ${event.message}`);
    case "hook":
      return event.verdict === "ok"
        ? paint(terminal, "dim", `  hook ${event.hook} (${event.event}) ok`)
        : paint(
            terminal,
            event.verdict === "blocked" ? "red" : "yellow",
            `  hook ${event.hook} (${event.event}) ${event.verdict}: ${event.reason ?? ""}`,
          );
    case "run-end":
      return describeSummary(event.summary, terminal);
  }
}

function describeOutcome(outcome: TaskOutcome, terminal: Terminal, spec: string): string {
  const files = outcome.files.map(
    (file) => `    ${file.change.padEnd(8)} ${file.path} (+${file.linesAdded} -${file.linesRemoved})`,
  );
  const questions = outcome.openQuestions.map((question) => `    ? ${question}`);
  const head =
    outcome.status === "done"
      ? paint(terminal, "green", `✓ ${outcome.taskId} done, verified`)
      : outcome.status === "paused"
        ? paint(
            terminal,
            "yellow",
            `? ${outcome.taskId} paused: ${outcome.question?.question ?? "the agent asked a question"}${outcome.question?.options ? ` (${outcome.question.options.join(" / ")})` : ""}\n    answer: specwright run ${spec} --answer ${outcome.question?.id ?? "<id>"}=<your answer>`,
          )
        : outcome.status === "needs-review"
          ? paint(
              terminal,
              "yellow",
              `! ${outcome.taskId} needs review: the tests passed, but not the same tests as before the task`,
            )
          : paint(terminal, "red", `✗ ${outcome.taskId} not done: ${outcome.error?.message ?? "verification failed"}`);
  const fix = outcome.error ? [`    fix: ${outcome.error.fix}`] : [];
  const integrity = outcome.integrity;
  const findings = (integrity?.findings ?? []).map((finding) => paint(terminal, "yellow", `    ! ${finding.message}`));
  const warnings = (integrity?.warnings ?? []).map((warning) => paint(terminal, "yellow", `    warning: ${warning}`));
  const review =
    outcome.status === "needs-review"
      ? [
          `    review: specwright diff ${spec} --task ${outcome.taskId}; accept: specwright task ${spec} ${outcome.taskId} --status done; undo: specwright revert ${spec} --task ${outcome.taskId}`,
        ]
      : [];
  return [
    head,
    ...findings,
    ...files,
    ...warnings,
    ...(questions.length > 0 ? ["  open questions:", ...questions] : []),
    ...fix,
    ...review,
  ].join("\n");
}

function describeSummary(summary: RunSummary, terminal: Terminal): string {
  if (summary.tasks.length === 0 && summary.stoppedEarly === undefined) {
    return `nothing to run${summary.skipped.length > 0 ? ` (${summary.skipped.length} skipped)` : ": every task is done"}`;
  }
  const done = summary.tasks.filter((task) => task.status === "done").length;
  const review = summary.tasks.filter((task) => task.status === "needs-review").length;
  const verdict = `${done} of ${summary.tasks.length} task(s) done${review > 0 ? `, ${review} need review` : ""}`;
  return [
    summary.ok ? paint(terminal, "green", verdict) : paint(terminal, "red", verdict),
    ...(summary.stoppedEarly ? [`stopped: ${summary.stoppedEarly}`] : []),
    ...(summary.sandboxBlocked > 0 ? [`sandbox: blocked ${summary.sandboxBlocked} operation(s) of the agent`] : []),
    formatUsageLine(summary.totals),
  ].join("\n");
}
