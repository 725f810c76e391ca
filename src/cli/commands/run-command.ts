import { EngineError } from "../../engine/engine-error.js";
import type { RunMode } from "../../engine/runner/run-events.js";
import { describeFailure, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import { type ModelOptions, openModelSession } from "../model-options.js";
import { createRunView } from "../run-view.js";
import { promptApproval, promptCommand, promptInterrupted, promptUserQuestion } from "../run-view-prompts.js";
import { detectTerminal } from "../terminal.js";

export interface RunCommandOptions extends CommonOptions, ModelOptions {
  readonly task?: string[];
  readonly all?: boolean;
  readonly mode?: RunMode;
  readonly continueOnFailure?: boolean;
  readonly includeOptional?: boolean;
  readonly maxSteps?: string;
  readonly resume?: boolean;
  readonly reset?: boolean;
  /** `--answer <id>=<text>`, repeatable. */
  readonly answer?: string[];
  readonly answers?: string;
}

/**
 * `specwright run`. With --json it prints a stream, one JSON object per line (each run event, and a
 * failure as `{"type":"error","ok":false,"error":…}`): the one exception to one JSON document, because a
 * run lasts minutes and its progress matters while it happens.
 */
export async function runTasksCommand(spec: string, options: RunCommandOptions): Promise<void> {
  const json = options.json === true;
  if (!json) return runCommand(false, () => runTasks(spec, options));
  try {
    process.exitCode = await runTasks(spec, options);
  } catch (error) {
    const { exitCode, ...failure } = describeFailure(error);
    process.stdout.write(`${JSON.stringify({ type: "error", ok: false, error: failure })}\n`);
    process.exitCode = exitCode;
  }
}

async function runTasks(spec: string, options: RunCommandOptions): Promise<number> {
  if (options.resume && options.reset) {
    throw new EngineError({
      code: "conflicting-options",
      kind: "usage",
      message: "--resume and --reset ask for opposite things.",
      fix: "Pass one of them: --resume goes on with the interrupted tasks, --reset puts them back to [ ].",
    });
  }
  const maxSteps = parseSteps(options.maxSteps);
  const answers = await readAnswers(options);
  const json = options.json === true;
  const terminal = detectTerminal();
  const interactive = !json && terminal.interactive && process.stdin.isTTY === true;
  const view = createRunView({ terminal, json });
  const [{ runSpecTasks }, { createDefaultRunnerServices }, { resolveWorkspaceRoot }] = await Promise.all([
    import("../../engine/runner/run-spec-tasks.js"),
    import("../../engine/runner/default-runner-services.js"),
    import("../../engine/workspace-context.js"),
  ]);
  const root = await resolveWorkspaceRoot({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
  const { formatModelEvent } = await import("../model-usage-output.js");
  const onModelEvent = view.onModelEvent;
  const session = await openModelSession(options, {
    root,
    command: "run",
    ...(json
      ? {
          // Not the answer's progress: a streamed step would write a line per chunk.
          onProgress: (event) => {
            if (event.type !== "progress") process.stdout.write(`${JSON.stringify({ type: "model", event })}\n`);
          },
        }
      : onModelEvent !== undefined
        ? // On a terminal the run's live line shows the answer streaming in, and model lines go above it.
          { onProgress: (event) => onModelEvent(event, formatModelEvent(event, options.verbose === true)) }
        : {}),
  });
  const { agentContextChars } = await import("../../engine/runner/agent-context-chars.js");
  const contextMaxChars = agentContextChars(session);
  // Ctrl-C stops the model and the tests and puts the tasks back to [ ]; a second one quits at once.
  const interrupt = new AbortController();
  const onInterrupt = () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  };
  process.on("SIGINT", onInterrupt);
  try {
    const result = await runSpecTasks({
      cwd: root,
      root,
      spec,
      ...(options.task && options.task.length > 0 ? { taskIds: options.task } : {}),
      all: options.all === true,
      mode: options.mode ?? "autopilot",
      continueOnFailure: options.continueOnFailure === true,
      includeOptional: options.includeOptional === true,
      ...(maxSteps !== undefined ? { maxSteps } : {}),
      ...(options.resume ? { interrupted: "resume" as const } : options.reset ? { interrupted: "reset" as const } : {}),
      session,
      ...(contextMaxChars !== undefined ? { contextMaxChars } : {}),
      services: createDefaultRunnerServices(),
      onEvent: view.onEvent,
      abortSignal: interrupt.signal,
      ...(answers.size > 0 ? { answers } : {}),
      ...(interactive
        ? {
            approve: async (request) => {
              view.pause();
              return promptApproval(request, terminal);
            },
            askCommand: async (request) => {
              view.pause();
              return promptCommand(request.command);
            },
            askUser: async (question) => {
              view.pause();
              return promptUserQuestion(question);
            },
            decideInterrupted: async (tasks) => {
              view.pause();
              return promptInterrupted(tasks);
            },
          }
        : {}),
    });
    if (!json) process.stdout.write(`records: ${result.records.summary}\n`);
    return result.summary.ok ? EXIT_SUCCESS : EXIT_FINDINGS;
  } finally {
    process.off("SIGINT", onInterrupt);
    view.stop();
    await session.flush();
  }
}

function parseSteps(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const steps = Number(value);
  if (Number.isInteger(steps) && steps > 0) return steps;
  throw new EngineError({
    code: "invalid-option",
    kind: "usage",
    message: `--max-steps "${value}" is not a positive whole number.`,
    fix: "Pass the most model steps per task, e.g. --max-steps 40.",
  });
}

/** `--answers FILE` (YAML, id: answer), then each `--answer id=text` over it. */
async function readAnswers(options: RunCommandOptions): Promise<ReadonlyMap<string, string>> {
  const answers = new Map<string, string>();
  if (options.answers !== undefined) {
    const [{ parseAnswersFile }, { readTextFile }] = await Promise.all([
      import("../../engine/authoring/answers-file.js"),
      import("../../workspace/read-text-file.js"),
    ]);
    const { resolve } = await import("node:path");
    for (const [id, answer] of parseAnswersFile(await readTextFile(resolve(options.answers)), options.answers)) {
      answers.set(id, answer);
    }
  }
  for (const pair of options.answer ?? []) {
    const separator = pair.indexOf("=");
    if (separator <= 0) {
      throw new EngineError({
        code: "invalid-option",
        kind: "usage",
        message: `--answer "${pair}" is not <question-id>=<answer>.`,
        fix: "Pass the id the paused task printed, e.g. --answer checkout-or-elements=Checkout.",
      });
    }
    answers.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
  }
  return answers;
}
