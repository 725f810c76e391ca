import { chooseTestCommand } from "../../model/inventory/choose-test-command.js";
import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { runSandboxedCommand } from "../../workspace/sandbox/os-sandbox/run-sandboxed-command.js";
import { scrubEnvironment } from "../../workspace/sandbox/scrub-environment.js";
import { EngineError } from "../errors/engine-error.js";
import { type DetectedCommand, gatherTestCommandEvidence } from "../inventory/detect-test-command.js";
import {
  type CommandSandbox,
  resolveCommandSandbox,
  sandboxPolicySettings,
  sandboxToUse,
} from "../sandbox/command-sandbox.js";
import type { VerificationResult } from "./verification-result.js";

export type { VerificationResult } from "./verification-result.js";

/** Ten minutes: a full test suite of a mid-sized project, on a slow machine. */
export const DEFAULT_VERIFY_TIMEOUT_MS = 600_000;
/** Enough for a test runner's failure report; the middle of longer output is cut (head and tail stay). */
export const DEFAULT_VERIFY_MAX_OUTPUT_BYTES = 64 * 1024;

export interface RunVerificationOptions {
  /** The workspace root: the command runs there. */
  readonly root: string;
  /** The command to run; when absent, `verify.command` of the settings, else the detected one. */
  readonly command?: string;
  /** Default: settings `verify.timeoutMs`, else ten minutes. */
  readonly timeoutMs?: number;
  /** The environment before scrubbing; default `process.env`. Secrets are dropped unless passed. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** For `verify.timeoutMs` and `agent.passEnv`. */
  readonly settings?: SpecwrightSettings;
  readonly maxOutputBytes?: number;
  readonly signal?: AbortSignal;
  /**
   * The sandbox the tests run in; default: the settings' `agent.sandbox` on this machine's sandbox. Where
   * none is available the tests run unconfined, as the project's own tests always did (an autopilot run is
   * refused before it gets here).
   */
  readonly sandbox?: CommandSandbox;
}

/**
 * Runs the project's tests and says whether they passed: the proof the engine needs before a task is
 * checked off. A failing or timed-out command is a result (`passed: false`); only the absence of any
 * test command is an error (`no-test-command`), because then nothing can prove anything. The tests run in
 * the same sandbox as the agent's commands: they are code the agent may have written.
 */
export async function runVerification(options: RunVerificationOptions): Promise<VerificationResult> {
  const chosen = await chooseCommand(options);
  const settings = options.settings ?? {};
  const sandbox = options.sandbox ?? (await resolveCommandSandbox(settings));
  const result = await runSandboxedCommand({
    command: chosen.command,
    root: options.root,
    cwd: options.root,
    sandbox: sandboxToUse(sandbox),
    policy: sandboxPolicySettings(settings),
    timeoutMs: options.timeoutMs ?? options.settings?.verify?.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_VERIFY_MAX_OUTPUT_BYTES,
    env: scrubEnvironment(options.env ?? process.env, options.settings?.agent?.passEnv ?? []),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  });
  return {
    passed: result.exitCode === 0 && !result.timedOut,
    command: chosen.command,
    source: chosen.source,
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    output: result.output,
    truncated: result.truncated,
    durationMs: result.durationMs,
    sandbox: result.sandbox,
  };
}

async function chooseCommand(options: RunVerificationOptions): Promise<DetectedCommand> {
  if (options.command !== undefined && options.command.trim() !== "") {
    return { command: options.command, source: "argument" };
  }
  if (options.settings !== undefined) return resolveVerificationCommand(options.root, options.settings);
  const evidence = await gatherTestCommandEvidence(options.root);
  const detected = chooseTestCommand(evidence);
  if (detected !== undefined) return detected;
  throw noTestCommand(options.root);
}

/**
 * The test command `settings` put in force: its `verify.command`, else the project's own. The settings
 * file on disk is not read again, so a task that rewrites it mid-run does not choose its own proof.
 */
export async function resolveVerificationCommand(root: string, settings: SpecwrightSettings): Promise<DetectedCommand> {
  const settingsCommand = settings.verify?.command;
  if (settingsCommand !== undefined && settingsCommand.trim() !== "") {
    return { command: settingsCommand, source: "settings verify.command" };
  }
  const { settingsCommand: _ignored, ...evidence } = await gatherTestCommandEvidence(root);
  const detected = chooseTestCommand(evidence);
  if (detected !== undefined) return detected;
  throw noTestCommand(root);
}

function noTestCommand(root: string): EngineError {
  return new EngineError({
    code: "no-test-command",
    message: `No test command found for ${root}: no verify.command in the settings and no test script, pytest, go, cargo or make test setup to detect.`,
    fix: 'Set verify.command in .kiro/settings/specwright.json, for example { "verify": { "command": "npm test" } }, or pass the command explicitly.',
    path: root,
  });
}
