import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import {
  type CreateModelSessionOptions,
  createModelSession,
  type RecordingModelSession,
} from "./create-model-session.js";
import { loadModelSettings } from "./load-model-settings.js";
import type { ModelEvent } from "./model-session.js";
import { resolveBudgetLimits } from "./resolve-budget-limits.js";
import { type Environment, resolveModelSelection } from "./resolve-model-selection.js";

export interface WorkspaceModelSessionOptions {
  readonly root: string;
  /** The command name recorded in usage.jsonl, e.g. "new". */
  readonly command: string;
  readonly env: Environment;
  /** `--model`, `--max-tokens`, `--max-cost`: they win over the settings file. */
  readonly model?: string;
  readonly maxTokens?: number;
  readonly maxCost?: number;
  readonly onEvent?: (event: ModelEvent) => void;
  readonly streaming?: boolean;
  /** Settings already loaded by the caller; read from the workspace otherwise. */
  readonly settings?: SpecwrightSettings;
  /** Tests only: a model instead of the provider's. */
  readonly languageModel?: CreateModelSessionOptions["languageModel"];
}

/** A model session configured the way every surface does it: flags, then environment, then settings. */
export async function openWorkspaceModelSession(options: WorkspaceModelSessionOptions): Promise<RecordingModelSession> {
  const settings = options.settings ?? (await loadModelSettings(options.root));
  const selection = resolveModelSelection({
    env: options.env,
    settings,
    ...(options.model !== undefined ? { flag: options.model } : {}),
  });
  const limits = settings.limits ?? {};
  const budget = resolveBudgetLimits(options, settings);
  const maxTokens = budget.maxTokens?.value;
  const maxCost = budget.maxCost?.value;
  return createModelSession({
    selection,
    env: options.env,
    limits: {
      ...(maxTokens !== undefined ? { maxTokens } : {}),
      ...(maxCost !== undefined ? { maxCost } : {}),
      ...(limits.requestTimeoutMs !== undefined ? { requestTimeoutMs: limits.requestTimeoutMs } : {}),
      ...(limits.maxRetries !== undefined ? { maxRetries: limits.maxRetries } : {}),
      ...(limits.idleTimeoutMs !== undefined ? { idleTimeoutMs: limits.idleTimeoutMs } : {}),
      ...(limits.callDeadlineMs !== undefined ? { callDeadlineMs: limits.callDeadlineMs } : {}),
      ...(limits.maxOutputTokens !== undefined ? { maxOutputTokens: limits.maxOutputTokens } : {}),
      ...(limits.contextTokens !== undefined ? { contextTokens: limits.contextTokens } : {}),
    },
    ...(settings.pricing !== undefined ? { pricing: settings.pricing } : {}),
    ...(options.onEvent !== undefined ? { onEvent: options.onEvent } : {}),
    ...(options.streaming !== undefined ? { streaming: options.streaming } : {}),
    ...(options.languageModel !== undefined ? { languageModel: options.languageModel } : {}),
    root: options.root,
    command: options.command,
  });
}
