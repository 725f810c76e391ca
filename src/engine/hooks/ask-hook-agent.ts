import { BLOCKING_EVENTS, type HookEvent } from "../../model/hooks/hook-events.js";
import type { ModelResult, ModelSession } from "../llm/model-session.js";
import type { HookInput } from "./hook-payload.js";
import type { HookVerdict } from "./hook-verdict.js";

/** The documented form of an agent hook's refusal: an answer whose first line starts with this. */
export const AGENT_BLOCK_PREFIX = "BLOCK:";

const HOOK_AGENT_SYSTEM = `You are a hook of a spec-driven development tool. You get an instruction and the event that triggered it, as JSON. Answer briefly and concretely. When the event is one that may be stopped (pre-tool-use, pre-task) and the instruction says it must not go ahead, answer with a first line "${AGENT_BLOCK_PREFIX} <the reason>".`;

/** A model turn for an `askAgent` / `agent` hook: its prompt and the event; the session keeps budgets and usage. */
export function askHookAgent(
  session: ModelSession,
  name: string,
  prompt: string,
  input: HookInput,
  signal: AbortSignal | undefined,
): Promise<ModelResult> {
  return session.generate({
    purpose: `hook ${name}`,
    system: HOOK_AGENT_SYSTEM,
    messages: [{ role: "user", content: `${prompt}\n\nEvent:\n${JSON.stringify(input, null, 2)}` }],
    ...(signal !== undefined ? { abortSignal: signal } : {}),
  });
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
