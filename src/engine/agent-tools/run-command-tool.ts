import { tool } from "ai";
import { z } from "zod";
import type { ShellCommandResult } from "../../workspace/run-shell-command.js";
import { runSandboxedCommand } from "../../workspace/sandbox/os-sandbox/run-sandboxed-command.js";
import { scrubEnvironment } from "../../workspace/sandbox/scrub-environment.js";
import { type CommandSandbox, sandboxPolicySettings, sandboxToUse } from "../sandbox/command-sandbox.js";
import { SANDBOX_NOTE, sandboxBlockedIn } from "../sandbox/sandbox-blocked.js";
import type { AgentToolContext } from "./agent-tool-context.js";
import { decideCommand } from "./command-policy.js";
import { type AgentToolBehaviour, executeAgentTool, type ToolCall } from "./define-agent-tool.js";
import { type ToolError, toolError } from "./tool-error.js";
import { TOOL_LIMITS } from "./tool-limits.js";

export const runCommandInputSchema = z.object({
  command: z.string().min(1).describe("A shell command line, run with /bin/sh in the workspace root."),
  timeout_ms: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(`Time-out in milliseconds (at most ${TOOL_LIMITS.maxCommandTimeoutMs}).`),
});

export type RunCommandInput = z.output<typeof runCommandInputSchema>;

/**
 * The model sees the shell's result as it is (exit code, signal, time-out, capped output, duration), which
 * sandbox confined it, and, when the output shows the sandbox refused something, a note saying what the
 * sandbox allows, so the model adapts instead of retrying.
 */
export interface RunCommandOutput extends ShellCommandResult {
  readonly sandbox: "bubblewrap" | "sandbox-exec" | "none";
  readonly blocked?: { readonly operations: number; readonly lines: readonly string[]; readonly note: string };
}

const behaviour: AgentToolBehaviour<RunCommandInput, RunCommandOutput> = {
  name: "run_command",
  describeInput: (input) => input.command,
  run: async (input, context, call) => {
    const sandbox = await context.commandSandbox();
    const refusal = await policyRefusal(input.command, context, call, sandbox);
    if (refusal !== undefined) return { output: refusal, summary: refusal.error };
    const timeoutMs = Math.min(
      input.timeout_ms ?? context.settings.agent?.commandTimeoutMs ?? TOOL_LIMITS.defaultCommandTimeoutMs,
      TOOL_LIMITS.maxCommandTimeoutMs,
    );
    const {
      policy: _policy,
      sandbox: confinedBy,
      ...result
    } = await runSandboxedCommand({
      command: input.command,
      root: context.root,
      cwd: context.root,
      timeoutMs,
      maxOutputBytes: TOOL_LIMITS.maxOutputBytes,
      env: scrubEnvironment(context.environment, context.settings.agent?.passEnv ?? []),
      sandbox: sandboxToUse(sandbox),
      policy: sandboxPolicySettings(context.settings),
      ...(call.abortSignal !== undefined ? { signal: call.abortSignal } : {}),
    });
    const blocked = confinedBy === "none" ? undefined : sandboxBlockedIn(result.output);
    if (blocked !== undefined) {
      context.emit({
        type: "sandbox-blocked",
        toolCallId: call.toolCallId,
        command: input.command,
        operations: blocked.operations,
      });
    }
    const summary = result.timedOut
      ? `timed out after ${timeoutMs} ms`
      : result.exitCode === null
        ? `killed by ${result.signal ?? "a signal"}`
        : `exit ${result.exitCode}`;
    const output: RunCommandOutput = {
      ...result,
      sandbox: confinedBy,
      ...(blocked !== undefined ? { blocked: { ...blocked, note: SANDBOX_NOTE } } : {}),
    };
    const blockedSummary = blocked === undefined ? "" : `, sandbox blocked ${blocked.operations}`;
    return { output, summary: `${summary} in ${result.durationMs} ms${blockedSummary}` };
  },
};

/** Why the command may not run (as an error for the model), or undefined when it may. */
async function policyRefusal(
  command: string,
  context: AgentToolContext,
  call: ToolCall,
  sandbox: CommandSandbox,
): Promise<ToolError | undefined> {
  const listed = decideCommand(command, context.settings.agent?.commands ?? {}, {
    root: context.root,
    allowSecretReads: context.allowSecretReads,
  });
  // Without the sandbox the list is the only boundary, and a list leaks: a person decides every command.
  const verdict =
    sandbox.state === "unavailable" && listed.decision === "allow"
      ? { ...listed, decision: "ask" as const, rule: `no operating-system sandbox (${sandbox.reason})` }
      : listed;
  const decided = { type: "command-decision", toolCallId: call.toolCallId, command, rule: verdict.rule } as const;
  if (verdict.decision === "allow" || context.approvedCommands.has(command)) {
    context.emit({ ...decided, decision: verdict.decision });
    return undefined;
  }
  if (verdict.decision === "deny") {
    context.emit({ ...decided, decision: "deny" });
    return toolError(
      `The command was refused by the policy (${verdict.rule}): ${verdict.segment}`,
      "Do not retry it. Use the file tools (read_file, write_file, edit_file, delete_file) or another command; pushing, privilege escalation, publishing and writes into .git are never allowed.",
    );
  }
  if (context.askCommand === undefined) {
    context.emit({ ...decided, decision: "ask" });
    return toolError(
      `The command needs a person's approval (${verdict.rule}) and nobody can answer here: ${verdict.segment}`,
      sandbox.state === "unavailable"
        ? `Use the file tools instead; commands cannot run unattended without a sandbox. ${sandbox.fix}`
        : "Do without it (use the file tools or an allowed command such as the project's tests), or mention in your final answer that the user can allow it with agent.commands.allow in .kiro/settings/specwright.json.",
    );
  }
  const approved = await context.askCommand({ command, segment: verdict.segment, rule: verdict.rule });
  context.emit({ ...decided, decision: "ask", approved });
  if (!approved) {
    return toolError(
      `The user declined the command: ${command}`,
      "Do not run it again; find another way or explain why it is needed.",
    );
  }
  context.approvedCommands.add(command);
  return undefined;
}

export function createRunCommandTool(context: AgentToolContext) {
  return tool({
    description:
      "Run a shell command in the workspace root (tests, builds, git status), inside an operating-system sandbox: .git/, .kiro/settings/ and tasks.md are read-only, secret files unreadable, the network off, /tmp private. Secrets are not in its environment; it has a time-out and its output is capped. Some commands are refused or need approval.",
    inputSchema: runCommandInputSchema,
    execute: (input, options) => executeAgentTool(behaviour, context, input, options),
  });
}
