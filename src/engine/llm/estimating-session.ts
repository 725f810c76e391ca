import type { LanguageModel } from "ai";
import type { UsageRecord } from "../../workspace/usage-log.js";
import { EngineError } from "../errors/engine-error.js";
import type { RecordingModelSession } from "./create-model-session.js";
import { estimateCostUsd, type ModelPrice } from "./model-prices.js";
import type { ModelCall, ModelResult, ModelSelection, UsageTotals } from "./model-session.js";
import { estimatePromptTokens } from "./token-estimate.js";

/** Output tokens assumed for a purpose with no history: a handful of questions, or one spec document. */
const DEFAULT_OUTPUT_TOKENS = { questions: 400, documents: 3_000 } as const;

/** One model call as it would be sent, counted instead of made. */
export interface CallEstimate {
  readonly purpose: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Where the output count comes from: medians of `.kiro/specwright/usage.jsonl` for the purpose, or a default. */
  readonly outputFrom: "history" | "default";
  /** How many past calls of the purpose the medians are of (0 without history). */
  readonly historyCalls: number;
  readonly costUsd: number | undefined;
}

export interface StepEstimate {
  readonly model: string;
  readonly calls: readonly CallEstimate[];
  readonly totals: UsageTotals;
}

/**
 * Thrown by the estimating session at the first call whose answer the command cannot go on without: the
 * estimate is complete then, and nothing was sent or written.
 */
export class EstimateReady extends Error {
  constructor(readonly estimate: StepEstimate) {
    super("estimate ready");
    this.name = "EstimateReady";
  }
}

export interface EstimatingSessionOptions {
  readonly selection: ModelSelection;
  readonly price: ModelPrice | undefined;
  /** Past calls, for the medians of the same purpose (and model, when there are such). */
  readonly history: readonly UsageRecord[];
}

/** The median of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

/**
 * A session that counts each call's prompt (chars / 4, the estimate budgets use) instead of sending it. The
 * clarifying questions are answered with none, so a command goes on to its document call; that call ends the
 * command with `EstimateReady`.
 */
export function createEstimatingSession(options: EstimatingSessionOptions): RecordingModelSession & {
  estimate(): StepEstimate;
} {
  const calls: CallEstimate[] = [];
  const model = `${options.selection.provider}:${options.selection.modelId}`;
  const estimate = (): StepEstimate => {
    const inputTokens = calls.reduce((sum, call) => sum + call.inputTokens, 0);
    const outputTokens = calls.reduce((sum, call) => sum + call.outputTokens, 0);
    return {
      model,
      calls: [...calls],
      totals: {
        inputTokens,
        outputTokens,
        costUsd: estimateCostUsd({ inputTokens, outputTokens }, options.price),
        calls: calls.length,
      },
    };
  };
  const outputOf = (call: ModelCall) => {
    const samePurpose = options.history.filter((record) => record.purpose === call.purpose);
    const sameModel = samePurpose.filter((record) => record.modelId === options.selection.modelId);
    const records = sameModel.length > 0 ? sameModel : samePurpose;
    if (records.length === 0) {
      return { outputTokens: DEFAULT_OUTPUT_TOKENS[call.outputPurpose ?? "documents"], outputFrom: "default" as const };
    }
    return {
      outputTokens: median(records.map((record) => record.outputTokens)),
      outputFrom: "history" as const,
      records,
    };
  };
  return {
    selection: options.selection,
    get languageModel(): LanguageModel {
      throw unsupported();
    },
    get fetch(): RecordingModelSession["fetch"] {
      throw unsupported();
    },
    flush: async () => undefined,
    async generate(call: ModelCall): Promise<ModelResult> {
      const inputTokens = estimatePromptTokens(call.system, call.messages);
      const output = outputOf(call);
      calls.push({
        purpose: call.purpose,
        inputTokens,
        outputTokens: output.outputTokens,
        outputFrom: output.outputFrom,
        historyCalls: output.records?.length ?? 0,
        costUsd: estimateCostUsd({ inputTokens, outputTokens: output.outputTokens }, options.price),
      });
      if (call.purpose === "questions") {
        return { text: '{"questions": []}', usage: { inputTokens: 0, outputTokens: 0 }, finishReason: "stop" };
      }
      throw new EstimateReady(estimate());
    },
    record() {},
    totals: () => ({ inputTokens: 0, outputTokens: 0, costUsd: 0, calls: 0 }),
    estimate,
  };
}

function unsupported(): EngineError {
  return new EngineError({
    code: "estimate-unsupported",
    kind: "usage",
    message: "This command's model calls cannot be estimated yet.",
    fix: "Drop --estimate; --max-tokens and --max-cost stop it before it spends more.",
  });
}
