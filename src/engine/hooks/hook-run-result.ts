import type { HookEvent } from "../../model/hooks/hook-events.js";
import type { HookVerdict } from "./hook-verdict.js";

/** One hook's run for one event. */
export interface HookRunResult {
  readonly hook: string;
  readonly file: string;
  readonly event: HookEvent;
  readonly action: "command" | "agent";
  readonly verdict: HookVerdict;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  /** The command's output (stdout and stderr), or the agent's answer. */
  readonly output: string;
  readonly durationMs: number;
  readonly sandbox: "bubblewrap" | "sandbox-exec" | "none" | "model";
  readonly tokens?: { readonly input: number; readonly output: number };
}
