import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import type { ModelSession } from "../llm/model-session.js";
import type { CommandSandbox } from "../sandbox/command-sandbox.js";
import type { RunnableHook } from "./runnable-hook.js";

/** What running hooks needs: where, which hooks, the sandbox the agent's commands use, and maybe a model. */
export interface HookContext {
  readonly root: string;
  readonly hooks: readonly RunnableHook[];
  readonly settings: SpecwrightSettings;
  readonly sandbox: CommandSandbox;
  /** For `askAgent` / `agent` actions; without it they are reported as skipped. */
  readonly session?: ModelSession;
  /** The environment commands start from, before scrubbing; default `process.env`. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
  /** Stops running hooks (Ctrl-C in watch). */
  readonly signal?: AbortSignal;
  /** Skip `.kiro/specwright/hooks.jsonl` (hook test). */
  readonly record?: boolean;
}
