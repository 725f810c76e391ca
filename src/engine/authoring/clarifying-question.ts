import { z } from "zod";

/** At most this many questions are asked, as in Kiro's spec mode: enough to settle scope, not an interview. */
export const MAX_CLARIFYING_QUESTIONS = 5;

const QuestionSchema = z.object({
  id: z.string().describe("A short kebab-case id, used as the key in an answers file."),
  question: z.string().min(1).describe("One question that settles a decision the prompt leaves open."),
  suggestedAnswer: z.string().min(1).describe("The answer the model would pick; taken with --yes."),
});

/** What the model returns when asked for clarifying questions (JSON). */
export const ClarifyingQuestionsSchema = z.object({
  questions: z.array(QuestionSchema).describe(`Up to ${MAX_CLARIFYING_QUESTIONS} questions, most important first.`),
});

export interface ClarifyingQuestion {
  readonly id: string;
  readonly question: string;
  readonly suggestedAnswer: string;
}

export interface Clarification {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  /** Where the answer came from: the terminal, the answers file, or the suggested value. */
  readonly source: "terminal" | "answers-file" | "suggested";
}

/**
 * The questions as asked: at most five, each with a unique kebab-case id (the model's when usable, else
 * `q<n>`), blank ones dropped.
 */
export function normalizeQuestions(raw: z.output<typeof ClarifyingQuestionsSchema>): ClarifyingQuestion[] {
  const seen = new Set<string>();
  const questions: ClarifyingQuestion[] = [];
  for (const entry of raw.questions) {
    const question = entry.question.trim();
    if (question === "" || questions.length >= MAX_CLARIFYING_QUESTIONS) continue;
    const modelId = entry.id.trim().toLowerCase();
    const id = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(modelId) && !seen.has(modelId) ? modelId : `q${questions.length + 1}`;
    seen.add(id);
    questions.push({ id, question, suggestedAnswer: entry.suggestedAnswer.trim() });
  }
  return questions;
}
