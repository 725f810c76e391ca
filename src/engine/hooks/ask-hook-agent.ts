import { BLOCKING_EVENTS, type HookEvent } from "../../model/hooks/hook-events.js";
import type { ModelSession, TokenUsage } from "../llm/model-session.js";
import { runAgentTurns } from "../runner/agent-turns.js";
import { hookAgentSteering } from "./hook-agent-steering.js";
import { createHookAgentTools } from "./hook-agent-tools.js";
import type { HookContext } from "./hook-context.js";
import type { HookInput } from "./hook-payload.js";
import type { HookVerdict } from "./hook-verdict.js";

/** The documented form of an agent hook's refusal: an answer whose first line starts with this. */
export const AGENT_BLOCK_PREFIX = "BLOCK:";

/**
 * Model steps of one hook's agent. A hook is routine (lint a file, update a doc); a task's step budget
 * would let one save start a whole task's worth of work.
 */
export const HOOK_AGENT_MAX_STEPS = 8;

const HOOK_AGENT_SYSTEM = `You are a hook of a spec-driven development tool. You get an instruction, the event that triggered it as JSON, and the project's steering that applies. You have the workspace's file tools (read_file, list_files, search, write_file, edit_file, delete_file) and run_command; use them only as far as the instruction needs, then answer briefly and concretely. When the event is one that may be stopped (pre-tool-use, pre-task) and the instruction says it must not go ahead, answer with a first line "${AGENT_BLOCK_PREFIX} <the reason>".`;

export interface HookAgentAnswer {
  readonly text: string;
  readonly usage: TokenUsage;
  readonly steps: number;
}

/**
 * An `askAgent` / `agent` hook: an agent loop with the hook's prompt, the event and the steering that applies,
 * with the task agent's tools (not wrapped with hooks, so nothing recurses), a few steps at most. Each step
 * is recorded on the run's session, so the run's budgets stop a hook's agent as they stop a task's.
 */
export async function askHookAgent(
  context: HookContext,
  session: ModelSession,
  name: string,
  prompt: string,
  input: HookInput,
): Promise<HookAgentAnswer> {
  const steering = await hookAgentSteering(context.root, input);
  const usage = { inputTokens: 0, outputTokens: 0 };
  const purpose = `hook ${name}`;
  const turns = await runAgentTurns({
    model: session.languageModel,
    tools: createHookAgentTools(context),
    system: HOOK_AGENT_SYSTEM,
    messages: [
      {
        role: "user",
        content: `${prompt}\n\nEvent:\n${JSON.stringify(input, null, 2)}${steering === "" ? "" : `\n\n${steering}`}`,
      },
    ],
    maxSteps: HOOK_AGENT_MAX_STEPS,
    firstStep: 1,
    onToolCall: () => undefined,
    onStep: (_step, result) => {
      const stepUsage = { inputTokens: result.usage.inputTokens ?? 0, outputTokens: result.usage.outputTokens ?? 0 };
      usage.inputTokens += stepUsage.inputTokens;
      usage.outputTokens += stepUsage.outputTokens;
      // Throws when a budget is passed, which ends the loop.
      session.record(purpose, stepUsage);
    },
    ...(context.signal !== undefined ? { abortSignal: context.signal } : {}),
  });
  return { text: turns.finalText, usage, steps: turns.steps };
}

/** An agent's answer blocks a blocking event when it starts with `BLOCK:`; anything else is fine. */
export function agentVerdict(event: HookEvent, answer: string): HookVerdict {
  const first = answer.trimStart();
  if (BLOCKING_EVENTS.includes(event) && first.toUpperCase().startsWith(AGENT_BLOCK_PREFIX)) {
    const reason = first.slice(AGENT_BLOCK_PREFIX.length).trim();
    return { kind: "blocked", reason: reason === "" ? "The hook's agent refused without saying why." : reason };
  }
  return { kind: "ok" };
}
