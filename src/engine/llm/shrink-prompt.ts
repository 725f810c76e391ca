import type { LanguageModelV3Prompt } from "@ai-sdk/provider";
import { CHARACTERS_PER_CONTEXT_TOKEN, PROMPT_OVERHEAD_TOKENS } from "./context-budget.js";

const CUT_NOTE = "\n\n[… cut by Specwright: the prompt did not fit the model's context window]";
/** With no window named, a third goes: enough to pass most overflows by a little, once. */
const UNKNOWN_WINDOW_KEEP = 2 / 3;

/** Characters the prompt may have: the window less the answer and the framing, else two thirds of now. */
export function shrinkTargetChars(
  currentChars: number,
  contextTokens: number | undefined,
  outputTokens: number,
): number {
  if (contextTokens === undefined) return Math.floor(currentChars * UNKNOWN_WINDOW_KEEP);
  const fits = (contextTokens - outputTokens - PROMPT_OVERHEAD_TOKENS) * CHARACTERS_PER_CONTEXT_TOKEN;
  return Math.max(0, Math.min(Math.floor(currentChars * UNKNOWN_WINDOW_KEEP), fits));
}

export function promptChars(prompt: LanguageModelV3Prompt): number {
  let total = 0;
  for (const text of promptTexts(prompt)) total += text.get().length;
  return total;
}

/**
 * Cuts the prompt's texts, longest first and from their end (context sections are ordered required
 * first, so the tail is what matters least; old tool output is the bulk of an agent's conversation), until
 * it is `targetChars` long. The system prompt is kept whole.
 * Returns undefined when nothing can be cut.
 */
export function shrinkPrompt(prompt: LanguageModelV3Prompt, targetChars: number): LanguageModelV3Prompt | undefined {
  const copy = structuredClone(prompt);
  const texts = promptTexts(copy).filter((text) => text.role !== "system");
  let excess = promptChars(copy) - targetChars;
  if (excess <= 0 || texts.length === 0) return undefined;
  let cut = false;
  for (const text of [...texts].sort((left, right) => right.get().length - left.get().length)) {
    if (excess <= 0) break;
    const value = text.get();
    const keep = Math.max(0, value.length - excess - CUT_NOTE.length);
    if (keep >= value.length) continue;
    text.set(`${value.slice(0, keep)}${CUT_NOTE}`);
    excess -= value.length - keep - CUT_NOTE.length;
    cut = true;
  }
  return cut ? copy : undefined;
}

interface PromptText {
  readonly role: string;
  get(): string;
  set(text: string): void;
}

function promptTexts(prompt: LanguageModelV3Prompt): PromptText[] {
  const texts: PromptText[] = [];
  for (const message of prompt) {
    if (message.role === "system") {
      texts.push({ role: "system", get: () => message.content, set: (text) => (message.content = text) });
      continue;
    }
    for (const part of message.content) {
      if (part.type === "text") {
        texts.push({ role: message.role, get: () => part.text, set: (text) => (part.text = text) });
      } else if (part.type === "tool-result") {
        const output = part.output;
        if (output.type === "text" || output.type === "error-text") {
          texts.push({ role: message.role, get: () => output.value, set: (text) => (output.value = text) });
        } else if (output.type === "json" || output.type === "error-json") {
          const json = { value: JSON.stringify(output.value) };
          texts.push({
            role: message.role,
            get: () => json.value,
            set: (text) => {
              json.value = text;
              Object.assign(part, { output: { type: "text", value: text } });
            },
          });
        }
      }
    }
  }
  return texts;
}
