import type { ModelEvent, ModelSession } from "../../engine/llm/model-session.js";

/** A model session for one run; `flush` (when there is one) waits for its usage records to be written. */
export type RunSession = ModelSession & { flush?(): Promise<void> };

/** Opens the model session of a run started from the page, resolved as `specwright run` resolves it. */
export type OpenRunSession = (root: string, onEvent: (event: ModelEvent) => void) => Promise<RunSession>;

/** The limits a run's session was opened with (`--max-tokens`, `--max-cost`), shown as the run's budget. */
export interface RunBudget {
  readonly maxTokens?: number;
  readonly maxCost?: number;
}
