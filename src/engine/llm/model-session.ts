/**
 * The one way engine workflows talk to a language model. Authoring (plain text / JSON) and the task agent
 * (tool calls, through `languageModel` and `fetch`) both go through a session, so budgets, retries and
 * usage records live in one place.
 */
import type { LanguageModel, ModelMessage } from "ai";

export interface ModelSelection {
  /** "anthropic" | "openai" | "amazon-bedrock" | "google" | "openai-compatible". */
  readonly provider: string;
  readonly modelId: string;
  readonly baseUrl?: string;
  /** Where the choice came from, for messages: "--model", "SPECWRIGHT_MODEL" or the settings file. */
  readonly source: string;
}

export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export interface UsageTotals extends TokenUsage {
  /** Estimated USD; undefined when the model's price is unknown. */
  readonly costUsd: number | undefined;
  readonly calls: number;
  /** Requests and calls tried again (429, 5xx, network, time-out, a stream cut off). */
  readonly retries?: number;
}

export interface ModelCall {
  /** What the call is for, e.g. "requirements", "repair requirements", "questions"; shown and recorded. */
  readonly purpose: string;
  readonly system: string;
  readonly messages: readonly ModelMessage[];
  /** Ask for a JSON object (the provider's JSON mode where it has one). */
  readonly json?: boolean;
  /** The answer's ceiling (`max_tokens`); default: the one of `outputPurpose` (settings, else built in). */
  readonly maxOutputTokens?: number;
  /** What the answer is; decides its default `max_tokens`. Default "documents". */
  readonly outputPurpose?: "questions" | "documents";
  /** Cancels the call (Ctrl-C); the abort reaches the caller as it is, without a retry. */
  readonly abortSignal?: AbortSignal;
}

export interface ModelResult {
  readonly text: string;
  readonly usage: TokenUsage;
  readonly finishReason: string;
}

export type ModelEvent =
  | { readonly type: "call-start"; readonly purpose: string }
  /** A call that ended in an error (the error itself reaches the caller). */
  | { readonly type: "call-failed"; readonly purpose: string }
  | {
      readonly type: "retry";
      readonly purpose: string;
      readonly attempt: number;
      readonly delayMs: number;
      readonly reason: string;
    }
  | {
      readonly type: "call-end";
      readonly purpose: string;
      readonly usage: TokenUsage;
      readonly totals: UsageTotals;
      /** A step of the task agent (one turn of its loop), not a whole answer: the task is not finished. */
      readonly agentStep?: boolean;
    }
  /** While a streamed answer arrives: its length so far, and the tokens that makes (estimated). */
  | { readonly type: "progress"; readonly purpose: string; readonly characters: number; readonly outputTokens: number }
  /** Something that did not stop the call but a user should hear of, e.g. a usage record that could not be written. */
  | { readonly type: "warning"; readonly purpose: string; readonly message: string };

export interface ModelSession {
  readonly selection: ModelSelection;
  /** The AI SDK model, for callers that need tools (the task agent); wraps the same retrying fetch. */
  readonly languageModel: LanguageModel;
  generate(call: ModelCall): Promise<ModelResult>;
  /** Adds usage of calls made directly on `languageModel` (agent loop) to the totals and checks the budget. */
  record(purpose: string, usage: TokenUsage): void;
  totals(): UsageTotals;
  /** The model's context window in tokens when known (settings, or a server that named it); sizes contexts. */
  contextTokens?(): number | undefined;
  /** The `max_tokens` a call of this purpose sends. */
  maxOutputTokens?(purpose: "questions" | "documents" | "agent"): number;
}
