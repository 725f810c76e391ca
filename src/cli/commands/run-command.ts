import type { CommandApprovalRequest, UserQuestion } from "../../engine/agent-tools/agent-tool-context.js";
import { EngineError } from "../../engine/errors/engine-error.js";
import type { ApprovalRequest } from "../../engine/runner/approval.js";
import type { RunEvent, RunMode } from "../../engine/runner/run-events.js";
import type { InterruptedTask } from "../../engine/runner/run-spec-tasks.js";
import { describeFailure, printJson, runCommand } from "../command-output.js";
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
  readonly reverify?: boolean;
  readonly parallel?: string;
  readonly dryRun?: boolean;
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
  if (options.estimate === true) return runCommand(json, () => printRunEstimate(spec, options));
  if (options.reverify) {
    return runCommand(json, async () => (await import("./reverify-command.js")).reverify(spec, options));
  }
  if (options.dryRun === true) return runCommand(json, () => printWaves(spec, options));
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
  const { parseParallel, asViewEvent } = await import("./run-waves-output.js");
  const parallel = parseParallel(options.parallel);
  const answers = await readAnswers(options);
  const json = options.json === true;
  const terminal = detectTerminal();
  const interactive = !json && terminal.interactive && process.stdin.isTTY === true;
  const view = createRunView({ terminal, json });
  const [{ runSpecTasks }, { createDefaultRunnerServices }, { resolveWorkspaceRoot }] = await Promise.all([
    import("../../engine/runner/run-spec-tasks.js"),
    import("../../engine/runner/default-runner-services.js"),
    import("../../engine/workspace-model/workspace-context.js"),
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
    const common = {
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
      abortSignal: interrupt.signal,
      ...(answers.size > 0 ? { answers } : {}),
      ...(interactive
        ? {
            approve: async (request: ApprovalRequest) => {
              view.pause();
              return promptApproval(request, terminal);
            },
            askCommand: async (request: CommandApprovalRequest) => {
              view.pause();
              return promptCommand(request.command);
            },
            askUser: async (question: UserQuestion) => {
              view.pause();
              return promptUserQuestion(question);
            },
            decideInterrupted: async (tasks: readonly InterruptedTask[]) => {
              view.pause();
              return promptInterrupted(tasks);
            },
          }
        : {}),
    };
    const result =
      parallel === undefined
        ? await runSpecTasks({ ...common, onEvent: view.onEvent })
        : await (await import("../../engine/task-waves/run-task-waves.js")).runTaskWaves({
            ...common,
            parallel,
            // The JSON stream carries every wave event as it is; the terminal shows them as lines.
            onEvent: (event) => {
              const shown = json ? (event as RunEvent) : asViewEvent(event);
              if (shown !== undefined) view.onEvent(shown);
            },
          });
    if (!json) process.stdout.write(`records: ${result.records.summary}\n`);
    return result.summary.ok ? EXIT_SUCCESS : EXIT_FINDINGS;
  } finally {
    process.off("SIGINT", onInterrupt);
    view.stop();
    await session.flush();
  }
}

/** `--estimate`: the tasks' expected tokens and cost; no model call, no task mark changed. */
async function printRunEstimate(spec: string, options: RunCommandOptions): Promise<number> {
  const [{ estimateRun }, { printRunEstimate: print }] = await Promise.all([
    import("../../engine/runner/estimate-run.js"),
    import("../estimate-output.js"),
  ]);
  const estimate = await estimateRun({
    cwd: process.cwd(),
    ...(options.root ? { root: options.root } : {}),
    spec,
    ...(options.task && options.task.length > 0 ? { taskIds: options.task } : {}),
    all: options.all === true,
    includeOptional: options.includeOptional === true,
    ...(options.model !== undefined ? { model: options.model } : {}),
    answers: await readAnswers(options),
  });
  print(estimate, options.json === true);
  return EXIT_SUCCESS;
}

async function printWaves(spec: string, options: RunCommandOptions): Promise<number> {
  const { parseParallel, formatWaves, wavesDocument } = await import("./run-waves-output.js");
  const parallel = parseParallel(options.parallel);
  const { loadTaskWaves } = await import("../../engine/task-waves/load-task-waves.js");
  const waves = await loadTaskWaves({
    cwd: process.cwd(),
    ...(options.root ? { root: options.root } : {}),
    spec,
    ...(options.task && options.task.length > 0 ? { taskIds: options.task } : {}),
    includeOptional: options.includeOptional === true,
  });
  if (options.json === true) printJson(wavesDocument(waves, parallel));
  else process.stdout.write(formatWaves(waves, parallel));
  return EXIT_SUCCESS;
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
