import { contextBudgetChars } from "../llm/context-budget.js";
import type { ModelSession } from "../llm/model-session.js";
import type { AuthoringContextSources } from "./authoring-context-sources.js";
import type { AuthoringEventListener } from "./authoring-event.js";

/** Repair rounds after the first answer when settings do not say (`limits.repairRounds`). */
export const DEFAULT_REPAIR_ROUNDS = 2;

/**
 * About 50,000 tokens of context at ~4 characters a token: room for steering, the earlier documents and an
 * inventory within the windows of the local models people run (32k–128k), answer included.
 */
export const DEFAULT_MAX_CONTEXT_CHARS = 200_000;

/** What every authoring workflow takes. */
export interface AuthoringOptions {
  readonly cwd?: string;
  readonly root?: string;
  readonly session: ModelSession;
  readonly repairRounds?: number;
  readonly maxContextChars?: number;
  /** Steering and inventory; default: the workspace's steering by inclusion and the repository inventory. */
  readonly sources?: AuthoringContextSources;
  readonly onEvent?: AuthoringEventListener;
}

/**
 * The characters of context an authoring step sends: `maxContextChars` when given, else the default
 * lowered to what the model's window holds (settings `limits.contextTokens`, or a window a server named),
 * with the document's answer kept out of it.
 */
export function authoringContextChars(options: Pick<AuthoringOptions, "maxContextChars" | "session">): number {
  if (options.maxContextChars !== undefined) return options.maxContextChars;
  const contextTokens = options.session.contextTokens?.();
  const outputTokens = options.session.maxOutputTokens?.("documents");
  return contextBudgetChars(
    DEFAULT_MAX_CONTEXT_CHARS,
    contextTokens === undefined || outputTokens === undefined ? undefined : { contextTokens, outputTokens },
  );
}
