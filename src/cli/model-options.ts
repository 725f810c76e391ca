import type { Command } from "commander";
import { EngineError } from "../engine/errors/engine-error.js";
import type { RecordingModelSession } from "../engine/llm/create-model-session.js";
import type { ModelEvent } from "../engine/llm/model-session.js";
import { createModelEventPrinter } from "./model-usage-output.js";

/** What `withModelOptions` adds; commander hands the values over as strings. */
export interface ModelOptions {
  readonly model?: string;
  readonly maxTokens?: string;
  readonly maxCost?: string;
  readonly verbose?: boolean;
  /** `--estimate` (on the commands that take it): count the calls instead of making them. */
  readonly estimate?: boolean;
}

/** Adds the options of every command that calls a model. */
export function withModelOptions(command: Command): Command {
  return command
    .option(
      "--model <provider:id>",
      "the model, e.g. anthropic:claude-sonnet-4-5 (default: SPECWRIGHT_MODEL, then settings)",
    )
    .option("--max-tokens <n>", "stop before the tokens in and out of this command pass n")
    .option("--max-cost <usd>", "stop before the estimated cost of this command passes this many US dollars")
    .option("--verbose", "show each model call, its tokens and what went into the context");
}

export interface OpenModelSessionContext {
  /** The workspace root (the folder that holds .kiro/). */
  readonly root: string;
  /** The command name recorded in .kiro/specwright/usage.jsonl. */
  readonly command: string;
  /** Where model events go; by default retries (and with --verbose, every call) are printed to stderr. */
  readonly onProgress?: (event: ModelEvent) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Opens the command's model session from its flags, the environment and `.kiro/settings/specwright.json`.
 * The engine and provider packages load here, not when the command tree is built.
 */
export async function openModelSession(
  options: ModelOptions,
  context: OpenModelSessionContext,
): Promise<RecordingModelSession> {
  const maxTokens = parsePositive(options.maxTokens, "--max-tokens", true);
  const maxCost = parsePositive(options.maxCost, "--max-cost", false);
  if (options.estimate === true) return openEstimatingSession(options, context);
  const { openWorkspaceModelSession } = await import("../engine/llm/open-workspace-model-session.js");
  const onEvent = context.onProgress ?? createModelEventPrinter({ verbose: options.verbose === true });
  return openWorkspaceModelSession({
    root: context.root,
    command: context.command,
    env: context.env ?? process.env,
    onEvent,
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(maxCost !== undefined ? { maxCost } : {}),
  });
}

function parsePositive(value: string | undefined, flag: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.replace(/^\$/, "").replace(/[,_]/g, ""));
  if (Number.isFinite(number) && number > 0 && (!integer || Number.isInteger(number))) return number;
  throw new EngineError({
    code: "invalid-option",
    kind: "usage",
    message: `${flag} "${value}" is not a positive ${integer ? "whole number" : "number"}.`,
    fix: integer ? `Pass a token count, e.g. ${flag} 200000.` : `Pass US dollars, e.g. ${flag} 0.50.`,
  });
}

/** Adds `--estimate` to a model command whose calls all go through `session.generate`. */
export function withEstimateOption(command: Command): Command {
  return command.option("--estimate", "print the expected tokens and cost of this step without calling the model");
}

/** The session of `--estimate`: the model chosen as usual (no key needed), its price, and the usage history. */
async function openEstimatingSession(
  options: ModelOptions,
  context: OpenModelSessionContext,
): Promise<RecordingModelSession> {
  const [{ loadModelSettings }, { resolveModelSelection }, { findModelPrice }, { readUsageRecords }, estimating] =
    await Promise.all([
      import("../engine/llm/load-model-settings.js"),
      import("../engine/llm/resolve-model-selection.js"),
      import("../engine/llm/model-prices.js"),
      import("../workspace/usage-log.js"),
      import("../engine/llm/estimating-session.js"),
    ]);
  const settings = await loadModelSettings(context.root);
  const selection = resolveModelSelection({
    env: context.env ?? process.env,
    settings,
    ...(options.model !== undefined ? { flag: options.model } : {}),
  });
  return estimating.createEstimatingSession({
    selection,
    price: findModelPrice(selection.modelId, settings.pricing),
    history: await readUsageRecords(context.root),
  });
}
