import { asSchema, type ToolSet } from "ai";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import type { Task } from "../../model/tasks/task-types.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { readUsageRecords } from "../../workspace/usage-log.js";
import { createAgentTools } from "../agent-tools/create-agent-tools.js";
import { readSteeringInputs } from "../context/read-steering-inputs.js";
import { loadModelSettings } from "../llm/load-model-settings.js";
import { estimateCostUsd, findModelPrice } from "../llm/model-prices.js";
import { resolveModelSelection } from "../llm/resolve-model-selection.js";
import { estimatePromptTokens, estimateTokens } from "../llm/token-estimate.js";
import { locateSpecTasks } from "../tasks/locate-spec-tasks.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import { planRun } from "./plan-run.js";
import { DEFAULT_CONTEXT_MAX_CHARS } from "./run-spec-tasks.js";
import { taskContextText } from "./task-context-text.js";
import { AGENT_SYSTEM_PROMPT, answersPrompt, taskPrompt } from "./task-prompt.js";
import { type TaskRunHistory, taskRunHistory } from "./task-run-history.js";

/**
 * Without history: model steps per task, output tokens per step, and how much each step's input grows (the
 * answer plus a tool result joining the conversation). Rough, and said to be: `outputFrom: "default"`.
 */
export const DEFAULT_TASK_ESTIMATE = { turns: 10, outputPerStep: 400, inputGrowthPerStep: 1_000 } as const;

export interface TaskEstimate {
  readonly taskId: string;
  readonly title: string;
  /** The first agent turn as it would be sent: system prompt, task prompt with its context, tool definitions. */
  readonly firstTurnInputTokens: number;
  /** Model steps expected (0 for a checkpoint: the tests run first, the model only if they fail). */
  readonly turns: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly outputFrom: "history" | "default";
  readonly costUsd: number | undefined;
}

export interface RunEstimate {
  readonly model: string;
  readonly spec: string;
  readonly tasks: readonly TaskEstimate[];
  /** How many past task runs the medians are of (0: defaults). */
  readonly historyRuns: number;
  readonly totals: {
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly costUsd: number | undefined;
    readonly turns: number;
  };
}

export interface EstimateRunOptions extends WorkspaceOptions {
  readonly spec: string;
  readonly taskIds?: readonly string[];
  readonly all?: boolean;
  readonly includeOptional?: boolean;
  /** `--model`; default the environment's and the settings' choice. */
  readonly model?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly contextMaxChars?: number;
  readonly answers?: ReadonlyMap<string, string>;
}

/**
 * `run --estimate`: for each task the run would take, its first agent turn assembled as the runner does
 * (steering, the task, its criteria and design sections, the repository map, the tool definitions) and
 * counted; turns and output from the medians of past task runs, else `DEFAULT_TASK_ESTIMATE`. Step k of a
 * task re-sends the first turn plus what the conversation gained, so its input is counted as
 * `first + (k - 1) × growth`. Calls no model, changes no task mark, writes nothing.
 */
export async function estimateRun(options: EstimateRunOptions): Promise<RunEstimate> {
  const root = await resolveWorkspaceRoot(options);
  const { folder, file } = await locateSpecTasks(root, options.spec);
  const settings = await loadModelSettings(root);
  const selection = resolveModelSelection({
    env: options.env ?? process.env,
    settings,
    ...(options.model !== undefined ? { flag: options.model } : {}),
  });
  const price = findModelPrice(selection.modelId, settings.pricing);
  const history = taskRunHistory(await readUsageRecords(root), selection.modelId);
  const shape = history ?? DEFAULT_TASK_ESTIMATE;
  const plan = planRun(parseTasks(await readTextFile(file)), {
    taskIds: options.taskIds ?? [],
    all: options.all === true,
    includeOptional: options.includeOptional === true,
    resume: [],
  });
  const steering = await readSteeringInputs(root);
  const toolTokens = toolDefinitionTokens(createAgentTools({ root }).tools);
  const tasks: TaskEstimate[] = [];
  for (const task of plan.tasks) {
    const context = await taskContextText({
      root,
      spec: folder.name,
      taskId: task.id ?? "",
      maxChars: options.contextMaxChars ?? DEFAULT_CONTEXT_MAX_CHARS,
      steering,
    });
    const opening = `${taskPrompt(task, context)}${answersPrompt(options.answers ?? new Map())}`;
    const first = estimatePromptTokens(AGENT_SYSTEM_PROMPT, [{ role: "user", content: opening }]) + toolTokens;
    tasks.push(estimateTask(task, first, shape, history, price));
  }
  const inputTokens = sum(tasks.map((task) => task.inputTokens));
  const outputTokens = sum(tasks.map((task) => task.outputTokens));
  return {
    model: `${selection.provider}:${selection.modelId}`,
    spec: folder.name,
    tasks,
    historyRuns: history?.runs ?? 0,
    totals: {
      inputTokens,
      outputTokens,
      costUsd: estimateCostUsd({ inputTokens, outputTokens }, price),
      turns: sum(tasks.map((task) => task.turns)),
    },
  };
}

function estimateTask(
  task: Task,
  first: number,
  shape: Pick<TaskRunHistory, "turns" | "outputPerStep" | "inputGrowthPerStep">,
  history: TaskRunHistory | undefined,
  price: Parameters<typeof estimateCostUsd>[1],
): TaskEstimate {
  const turns = task.checkpoint ? 0 : shape.turns;
  const inputTokens = turns * first + Math.round((shape.inputGrowthPerStep * turns * (turns - 1)) / 2);
  const outputTokens = turns * shape.outputPerStep;
  return {
    taskId: task.id ?? "",
    title: task.title,
    firstTurnInputTokens: first,
    turns,
    inputTokens,
    outputTokens,
    outputFrom: history === undefined ? "default" : "history",
    costUsd: estimateCostUsd({ inputTokens, outputTokens }, price),
  };
}

/** The tools' names, descriptions and input schemas go with every step, as the provider receives them. */
function toolDefinitionTokens(tools: ToolSet): number {
  const parts: string[] = [];
  for (const [name, tool] of Object.entries(tools)) {
    const schema = asSchema(tool.inputSchema).jsonSchema;
    parts.push(name, tool.description ?? "", isPromiseLike(schema) ? "" : JSON.stringify(schema));
  }
  return estimateTokens(parts.join(""));
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && "then" in value;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
