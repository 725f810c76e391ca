import { type LanguageModel, type ModelMessage, type StepResult, stepCountIs, streamText, type ToolSet } from "ai";

/** Tools that change files; run_command may too, so a turn that ran a command is reviewed as well. */
const CHANGING_TOOLS: ReadonlySet<string> = new Set(["write_file", "edit_file", "delete_file", "run_command"]);

export interface AgentTurnsOptions {
  readonly model: LanguageModel;
  readonly tools: ToolSet;
  readonly system: string;
  readonly messages: readonly ModelMessage[];
  readonly maxSteps: number;
  /** Step number of the first step, so numbering continues across repair rounds. */
  readonly firstStep: number;
  /** Called before each tool runs (the live view shows the current tool). */
  readonly onToolCall: (step: number, tool: string, input: unknown) => void;
  /** Called after each step; what it throws (a budget passed) stops the loop and is thrown from it. */
  readonly onStep: (step: number, result: StepResult<ToolSet>) => void;
  /**
   * Supervised mode: after a step whose tools may have changed files, the loop pauses here; the returned
   * text (a rejection) goes back to the model as the user's reply. Absent in autopilot.
   */
  readonly review?: (step: number) => Promise<string | undefined>;
  readonly abortSignal?: AbortSignal;
  /** True ends the loop after the current step (a question nobody can answer now paused the task). */
  readonly shouldStop?: () => boolean;
}

export interface AgentTurnsResult {
  /** The conversation so far, the model's replies and tool results included, for a repair round. */
  readonly messages: readonly ModelMessage[];
  readonly steps: number;
  /** The model's last text: its summary, with open questions. */
  readonly finalText: string;
  readonly finishReason: string;
}

/**
 * The agent loop: `streamText` with the tools until the model stops calling them or the step budget is
 * spent. Streaming, so a slow local model that writes steadily is judged by its silences (the session's
 * idle time-out) and its call deadline, not by how long a whole answer takes. In supervised mode every step that may have changed files ends the call early, so the review can
 * happen before the model goes on; the conversation then continues where it stopped.
 */
export async function runAgentTurns(options: AgentTurnsOptions): Promise<AgentTurnsResult> {
  const messages: ModelMessage[] = [...options.messages];
  let steps = 0;
  let finalText = "";
  let finishReason = "stop";
  // The AI SDK swallows errors thrown by step callbacks, so a budget passed is kept here and ends the loop.
  let stopError: unknown;
  const stopped = () => stopError !== undefined;
  const paused = () => options.shouldStop?.() === true;
  const changedFiles = ({ steps: done }: { steps: readonly StepResult<ToolSet>[] }) =>
    done.at(-1)?.toolCalls.some((call) => CHANGING_TOOLS.has(call.toolName)) === true;
  while (steps < options.maxSteps) {
    const offset = options.firstStep + steps;
    // The first error of the stream; the AI SDK would otherwise only log it.
    let streamError: unknown;
    const result = streamText({
      model: options.model,
      tools: options.tools,
      system: options.system,
      messages,
      // Retries on 429, 5xx and time-outs happen once, in the model session's transport.
      maxRetries: 0,
      stopWhen: [stepCountIs(options.maxSteps - steps), stopped, paused, ...(options.review ? [changedFiles] : [])],
      experimental_onToolCallStart: (event) =>
        options.onToolCall(offset + (event.stepNumber ?? 0), event.toolCall.toolName, event.toolCall.input),
      onStepFinish: (step) => {
        try {
          options.onStep(offset + step.stepNumber, step);
        } catch (error) {
          stopError ??= error;
        }
      },
      onError: ({ error }) => {
        streamError ??= error;
      },
      ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
    });
    for await (const part of result.fullStream) {
      if (part.type === "error") streamError ??= part.error;
    }
    if (stopError !== undefined) throw stopError;
    if (streamError !== undefined) throw streamError;
    options.abortSignal?.throwIfAborted();
    const [done, response, text, reason] = await Promise.all([
      result.steps,
      result.response,
      result.text,
      result.finishReason,
    ]);
    steps += done.length;
    messages.push(...response.messages);
    finalText = text || finalText;
    finishReason = reason;
    const last = done.at(-1);
    if (paused()) break;
    const reviewable = options.review !== undefined && last !== undefined && changedFiles({ steps: [last] });
    if (reviewable && options.review) {
      const feedback = await options.review(options.firstStep + steps - 1);
      if (feedback !== undefined) messages.push({ role: "user", content: feedback });
      if (feedback !== undefined || reason === "tool-calls") continue;
    }
    break;
  }
  return { messages, steps, finalText, finishReason };
}
