import { z } from "zod";
import { extendJsonDocument, type JsonDocument, parseJsonDocument } from "../json/parse-json-document.js";

export const RULE_SEVERITY_SETTINGS = ["off", "info", "warning", "error"] as const;
export type RuleSeveritySetting = (typeof RULE_SEVERITY_SETTINGS)[number];

const ModelLimitsSchema = z.strictObject({
  maxTokens: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("Stop before the tokens in and out of one command pass this."),
  maxCost: z
    .number()
    .positive()
    .optional()
    .describe("Stop before the estimated cost in USD of one command passes this."),
  requestTimeoutMs: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      "Milliseconds a model request may wait for its first byte (a local server reading a long prompt); default 120,000.",
    ),
  idleTimeoutMs: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      "Milliseconds a streamed answer may stay silent between two chunks before the call ends; default requestTimeoutMs.",
    ),
  callDeadlineMs: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      "Milliseconds one model request may take in all, however steadily it streams (its retries on 429, 5xx and time-outs included); default 1,200,000 (20 minutes).",
    ),
  maxOutputTokens: z
    .union([
      z.number().int().positive(),
      z.strictObject({
        questions: z.number().int().positive().optional().describe("Clarifying questions; default 1,024."),
        documents: z
          .number()
          .int()
          .positive()
          .optional()
          .describe("requirements, design, tasks, steering; default 8,192."),
        agent: z.number().int().positive().optional().describe("Each step of the task agent; default 4,096."),
      }),
    ])
    .optional()
    .describe(
      "The most tokens one answer may have (sent as max_tokens), for every call or per purpose; a looping model stops there.",
    ),
  contextTokens: z
    .number()
    .int()
    .min(1024)
    .optional()
    .describe(
      "The model's context window in tokens (llama.cpp n_ctx); sizes the context Specwright sends, answer included.",
    ),
  maxRetries: z.number().int().min(0).max(10).optional().describe("Retries on 429, 5xx and network errors."),
  repairRounds: z.number().int().min(0).max(5).optional().describe("Rounds in which the model repairs findings."),
});

const ModelPriceSchema = z.strictObject({
  inputPerMillion: z.number().nonnegative().describe("USD per million input tokens."),
  outputPerMillion: z.number().nonnegative().describe("USD per million output tokens."),
});

const VerifySettingsSchema = z.strictObject({
  command: z.string().min(1).optional().describe('The test command, e.g. "npm test"; detected when absent.'),
  timeoutMs: z.number().int().positive().optional().describe("Time-out of the test command, in milliseconds."),
  parallel: z
    .boolean()
    .optional()
    .describe("Whether `run --parallel` may run several verifications at once (default: one at a time)."),
});

const CommandRulesSchema = z.strictObject({
  allow: z.array(z.string()).optional().describe("Command patterns run without asking."),
  deny: z.array(z.string()).optional().describe("Command patterns always refused."),
  ask: z.array(z.string()).optional().describe("Command patterns that need a yes on the terminal."),
});

const AgentSettingsSchema = z.strictObject({
  commands: CommandRulesSchema.optional().describe("Which shell commands the agent may run."),
  allowSecretReads: z
    .array(z.string())
    .optional()
    .describe("Glob patterns of secret-looking files (.env*, keys) the agent may read anyway."),
  passEnv: z
    .array(z.string())
    .optional()
    .describe("Environment variables holding secrets that commands may still inherit."),
  maxSteps: z.number().int().positive().optional().describe("Model steps per task."),
  repairRounds: z.number().int().min(0).max(10).optional().describe("Rounds to fix a failed verification."),
  commandTimeoutMs: z.number().int().positive().optional().describe("Time-out of one agent command."),
  sandbox: z
    .enum(["auto", "none"])
    .optional()
    .describe(
      'The operating-system sandbox of the agent\'s commands and verification: "auto" (default) uses bubblewrap on Linux or sandbox-exec on macOS and refuses autopilot runs without one; "none" runs them unconfined.',
    ),
  network: z
    .strictObject({
      allow: z
        .array(z.string())
        .optional()
        .describe(
          'Hosts sandboxed commands may reach (a package registry for installs), e.g. ["registry.npmjs.org", "*.pythonhosted.org"], through a filtering proxy in HTTPS_PROXY; "*" opens the network to every host.',
        ),
    })
    .optional()
    .describe("Network access of sandboxed commands; off by default."),
  toolCaches: z
    .array(z.string())
    .optional()
    .describe(
      'Folders under home that sandboxed commands may read and write, e.g. ["~/.npm", "~/.cache/pip"]; the rest of home is hidden.',
    ),
});

/** `.kiro/settings/specwright.json`: Specwright's own settings. Unknown keys are reported, not ignored. */
export const SpecwrightSettingsSchema = z
  .strictObject({
    $schema: z.string().optional().describe("A JSON schema URL for editors; ignored by Specwright."),
    rules: z
      .record(z.string(), z.enum(RULE_SEVERITY_SETTINGS))
      .optional()
      .describe('Per rule id, a severity or "off": { "ears/vague-term": "off" }.'),
    model: z
      .string()
      .optional()
      .describe(
        'The model as "provider:model-id", e.g. "anthropic:claude-sonnet-4-5" or "openai-compatible:qwen3-coder".',
      ),
    baseUrl: z
      .string()
      .optional()
      .describe("Base URL of an OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1."),
    limits: ModelLimitsSchema.optional().describe("Budgets, time-outs and retries for every model call."),
    pricing: z
      .record(z.string(), ModelPriceSchema)
      .optional()
      .describe("USD per million tokens by model id, overriding or adding to the built-in price table."),
    verify: VerifySettingsSchema.optional().describe("How a task is proven: the test command."),
    agent: AgentSettingsSchema.optional().describe("What the task-running agent may do."),
  })
  .describe("Specwright's settings for this workspace.");

export type SpecwrightSettings = z.output<typeof SpecwrightSettingsSchema>;

export const DEFAULT_SPECWRIGHT_SETTINGS: SpecwrightSettings = { rules: {} };

export interface SpecwrightSettingsDocument extends JsonDocument<SpecwrightSettings> {
  readonly kind: "specwright-settings";
}

export function parseSpecwrightSettings(text: string): SpecwrightSettingsDocument {
  const document = parseJsonDocument(text, SpecwrightSettingsSchema, {
    code: "settings/specwright-schema",
    fix: "Keep to the keys documented in docs/settings.md (rules, model, baseUrl, limits, pricing, verify, agent); rule ids are in docs/rules.md.",
  });
  return extendJsonDocument(document, {
    kind: "specwright-settings",
  });
}
