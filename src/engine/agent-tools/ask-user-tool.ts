import { tool } from "ai";
import { z } from "zod";
import type { AgentToolContext, UserQuestion } from "./agent-tool-context.js";
import { type AgentToolBehaviour, executeAgentTool } from "./define-agent-tool.js";

export const askUserInputSchema = z.object({
  question: z.string().min(1).describe("One question about a trade-off the spec leaves open."),
  options: z.array(z.string().min(1)).optional().describe("The choices, when there are a few."),
  default: z.string().optional().describe("The choice you would make, when you have one."),
});

export type AskUserInput = z.output<typeof askUserInputSchema>;

export type AskUserOutput =
  | { readonly id: string; readonly answer: string; readonly source: "given" | "user" }
  | { readonly id: string; readonly paused: true; readonly note: string };

/**
 * The id an answer is given under: the question's first words in kebab case, so the same question asked
 * again after a resume finds its answer, and a person can type the id.
 */
export function questionId(question: string): string {
  const words = question
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((word) => word !== "")
    .slice(0, 6);
  return (words.join("-") || "question").slice(0, 48).replace(/-+$/, "");
}

const PAUSED_NOTE =
  "Nobody can answer now, so this task is paused until the user answers. Stop calling tools and end your turn with one line saying what you are waiting for.";

const behaviour: AgentToolBehaviour<AskUserInput, AskUserOutput> = {
  name: "ask_user",
  describeInput: (input) => input.question,
  run: async (input, context) => {
    const question: UserQuestion = {
      id: questionId(input.question),
      question: input.question,
      ...(input.options !== undefined ? { options: input.options } : {}),
      ...(input.default !== undefined ? { default: input.default } : {}),
    };
    const given = context.answers.get(question.id);
    if (given !== undefined) {
      return { output: { id: question.id, answer: given, source: "given" }, summary: `answered (given): ${given}` };
    }
    if (context.askUser !== undefined) {
      const answer = await context.askUser(question);
      return { output: { id: question.id, answer, source: "user" }, summary: `answered: ${answer}` };
    }
    context.onQuestionPending(question);
    return { output: { id: question.id, paused: true, note: PAUSED_NOTE }, summary: `paused: ${question.id}` };
  },
};

export function createAskUserTool(context: AgentToolContext) {
  return tool({
    description:
      "Ask the user to decide a trade-off the spec and the code leave open (e.g. which of two approaches). Never ask what the spec, steering or code already answer.",
    inputSchema: askUserInputSchema,
    execute: (input, options) => executeAgentTool(behaviour, context, input, options),
  });
}
