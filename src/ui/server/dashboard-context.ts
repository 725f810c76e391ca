import type { DashboardRoot } from "../../engine/dashboard/dashboard-roots.js";
import type { ModelEvent, ModelSession } from "../../engine/llm/model-session.js";
import type { ChangeStream } from "./change-stream.js";
import type { RunManager } from "./run-manager.js";

/** A model session for one run; `flush` (when there is one) waits for its usage records to be written. */
export type RunSession = ModelSession & { flush?(): Promise<void> };

/** Opens the model session of a run started from the page, resolved as `specwright run` resolves it. */
export type OpenRunSession = (root: string, onEvent: (event: ModelEvent) => void) => Promise<RunSession>;

/** The limits a run's session was opened with (`--max-tokens`, `--max-cost`), shown as the run's budget. */
export interface RunBudget {
  readonly maxTokens?: number;
  readonly maxCost?: number;
}

/** What every route shares. `port()` is known once the server listens, before any request is accepted. */
export interface DashboardContext {
  readonly roots: readonly DashboardRoot[];
  readonly token: string;
  readonly port: () => number;
  readonly runs: RunManager;
  readonly changes: ChangeStream;
  /** `dist/dashboard/` of the package, or the folder a test gives. */
  readonly assetsDirectory: string;
  readonly log: (message: string) => void;
}
