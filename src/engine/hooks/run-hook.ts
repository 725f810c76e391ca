import { appendHookRunRecord } from "../../workspace/hook-run-log.js";
import { runSandboxedCommand } from "../../workspace/sandbox/os-sandbox/run-sandboxed-command.js";
import { scrubEnvironment } from "../../workspace/sandbox/scrub-environment.js";
import { EngineError } from "../errors/engine-error.js";
import { sandboxPolicySettings, sandboxToUse } from "../sandbox/command-sandbox.js";
import { agentVerdict, askHookAgent } from "./ask-hook-agent.js";
import type { HookContext } from "./hook-context.js";
import { type HookInput, type HookPayload, hookEnvironment, summarizePayload } from "./hook-payload.js";
import type { HookRunResult } from "./hook-run-result.js";
import { hookVerdict } from "./hook-verdict.js";
import type { RunnableHook } from "./runnable-hook.js";

const MAX_HOOK_OUTPUT_BYTES = 64 * 1024;

/**
 * Runs one hook for one event and records the run. A command runs through `runSandboxedCommand`, the same
 * path as the agent's `run_command` (same sandbox, same scrubbed environment), with the payload as JSON on
 * stdin and as `SPECWRIGHT_HOOK_*` variables. Never throws for a failing hook: that is a verdict.
 */
export async function runHook(context: HookContext, hook: RunnableHook, payload: HookPayload): Promise<HookRunResult> {
  const input: HookInput = { ...payload, hook: hook.name, root: context.root };
  const result =
    hook.action?.kind === "agent"
      ? await runAgentHook(context, hook, input)
      : await runCommandHook(context, hook, input);
  if (context.record !== false) {
    await appendHookRunRecord(context.root, {
      at: new Date().toISOString(),
      hook: hook.name,
      file: hook.file,
      trigger: hook.trigger,
      event: payload.event,
      action: result.action,
      payload: summarizePayload(payload),
      exitCode: result.exitCode,
      verdict: result.verdict.kind,
      durationMs: result.durationMs,
      ...(result.tokens !== undefined ? { tokens: result.tokens } : {}),
    });
  }
  return result;
}

async function runCommandHook(context: HookContext, hook: RunnableHook, input: HookInput): Promise<HookRunResult> {
  if (hook.action?.kind !== "command") throw noActionError(hook);
  if (context.sandbox.state === "unavailable") {
    // A hook command is as unattended as the agent's: without the sandbox nobody vouches for it.
    throw new EngineError({
      code: "no-sandbox",
      message: `The hook "${hook.name}" was not run: no operating-system sandbox is available (${context.sandbox.reason}).`,
      fix: context.sandbox.fix,
    });
  }
  const environment = scrubEnvironment(context.environment ?? process.env, context.settings.agent?.passEnv ?? []);
  const {
    policy: _policy,
    sandbox,
    ...result
  } = await runSandboxedCommand({
    command: hook.action.command,
    root: context.root,
    cwd: context.root,
    timeoutMs: hook.timeoutMs,
    maxOutputBytes: MAX_HOOK_OUTPUT_BYTES,
    env: { ...environment, ...hookEnvironment(input) },
    input: `${JSON.stringify(input)}\n`,
    captureStderr: true,
    sandbox: sandboxToUse(context.sandbox),
    policy: sandboxPolicySettings(context.settings),
    ...(context.signal !== undefined ? { signal: context.signal } : {}),
  });
  return {
    hook: hook.name,
    file: hook.file,
    event: input.event,
    action: "command",
    verdict: hookVerdict(input.event, {
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      stderr: result.stderr ?? "",
    }),
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    output: result.output,
    durationMs: result.durationMs,
    sandbox,
  };
}

async function runAgentHook(context: HookContext, hook: RunnableHook, input: HookInput): Promise<HookRunResult> {
  if (hook.action?.kind !== "agent") throw noActionError(hook);
  const started = performance.now();
  if (context.session === undefined) {
    return {
      hook: hook.name,
      file: hook.file,
      event: input.event,
      action: "agent",
      verdict: { kind: "failed", reason: "The hook asks the agent, and no model is configured for this command." },
      exitCode: null,
      timedOut: false,
      output: "",
      durationMs: 0,
      sandbox: "model",
    };
  }
  const answer = await askHookAgent(context, context.session, hook.name, hook.action.prompt, input);
  return {
    hook: hook.name,
    file: hook.file,
    event: input.event,
    action: "agent",
    verdict: agentVerdict(input.event, answer.text),
    exitCode: null,
    timedOut: false,
    output: answer.text,
    durationMs: Math.round(performance.now() - started),
    sandbox: "model",
    tokens: { input: answer.usage.inputTokens, output: answer.usage.outputTokens },
  };
}

export function noActionError(hook: RunnableHook): EngineError {
  return new EngineError({
    code: "hook-no-action",
    message: `The hook "${hook.name}" has no action Specwright can run.`,
    fix: "Give it a runCommand/command with a command, or an askAgent/agent with a prompt; `specwright check` shows what is wrong.",
  });
}
