import { EngineError } from "../engine/errors/engine-error.js";
import { EstimateReady } from "../engine/llm/estimating-session.js";
import { isWorkspaceError } from "../workspace/workspace-error.js";
import { escapeTerminalText } from "./escape-terminal-text.js";
import { EXIT_FINDINGS, EXIT_SUCCESS, EXIT_USAGE } from "./exit-codes.js";
import { detectTerminal, paint } from "./terminal.js";

/** A failure as the CLI reports it: a stable code, what happened, and what to do. */
export interface CliFailure {
  readonly code: string;
  readonly message: string;
  readonly fix: string;
  readonly candidates?: readonly string[];
  readonly exitCode: number;
}

export function describeFailure(error: unknown): CliFailure {
  if (error instanceof EngineError) {
    return {
      code: error.code,
      message: error.message,
      fix: error.fix,
      ...(error.candidates.length > 0 ? { candidates: error.candidates } : {}),
      exitCode: error.kind === "usage" ? EXIT_USAGE : EXIT_FINDINGS,
    };
  }
  if (isWorkspaceError(error)) {
    return { code: error.code, message: error.message, fix: error.fix, exitCode: EXIT_FINDINGS };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: "internal-error",
    message: `Specwright failed unexpectedly: ${message}`,
    fix: "Run again with SPECWRIGHT_DEBUG=1 for the stack trace, and report it with the command you ran.",
    exitCode: EXIT_USAGE,
  };
}

export function printJson(document: unknown): void {
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

export function printFailure(failure: CliFailure, json: boolean): void {
  if (json) {
    const { exitCode: _exitCode, ...error } = failure;
    printJson({ ok: false, error });
    return;
  }
  const terminal = detectTerminal(process.stderr);
  process.stderr.write(`${paint(terminal, "red", "error")} ${escapeTerminalText(failure.message)}\n`);
  process.stderr.write(`${paint(terminal, "dim", "fix:")} ${escapeTerminalText(failure.fix)}\n`);
}

/**
 * Runs a command body and turns what it throws into the one report and exit code the CLI promises;
 * the body returns the exit code of a normal end.
 */
export async function runCommand(json: boolean, body: () => Promise<number | undefined>): Promise<void> {
  try {
    process.exitCode = (await body()) ?? EXIT_SUCCESS;
  } catch (error) {
    if (error instanceof EstimateReady) {
      // --estimate ends a command at its first call that needs a real answer: that is its normal end.
      const { printEstimate } = await import("./estimate-output.js");
      printEstimate(error.estimate, json);
      process.exitCode = EXIT_SUCCESS;
      return;
    }
    if (process.env.SPECWRIGHT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? error}\n`);
    const failure = describeFailure(error);
    printFailure(failure, json);
    process.exitCode = failure.exitCode;
  }
}
