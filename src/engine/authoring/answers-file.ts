import { parse } from "yaml";
import { z } from "zod";
import { EngineError } from "../errors/engine-error.js";
import type { Clarification, ClarifyingQuestion } from "./clarifying-question.js";

const AnswersFileSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
  .describe("Question id or the question's text → the answer.");

/** An answers file's text as a map; malformed YAML or a non-mapping is refused with the fix. */
export function parseAnswersFile(text: string, path: string): ReadonlyMap<string, string> {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw answersError(path, `is not valid YAML (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = AnswersFileSchema.safeParse(value ?? {});
  if (!parsed.success) throw answersError(path, "is not a mapping of question id (or question text) to answer");
  return new Map(Object.entries(parsed.data).map(([key, answer]) => [normalizeKey(key), String(answer).trim()]));
}

/**
 * The answer to each question from the file, by id or by the question's text. A question the file leaves
 * out takes its suggested answer when `useSuggested` (`--yes`), and is refused otherwise.
 */
export function answersFromFile(
  questions: readonly ClarifyingQuestion[],
  answers: ReadonlyMap<string, string>,
  options: { readonly useSuggested: boolean; readonly path: string },
): Clarification[] {
  const missing: ClarifyingQuestion[] = [];
  const result = questions.map((question): Clarification => {
    const answer = answers.get(normalizeKey(question.id)) ?? answers.get(normalizeKey(question.question));
    if (answer !== undefined && answer !== "") {
      return { ...question, answer, source: "answers-file" };
    }
    if (!options.useSuggested) missing.push(question);
    return { ...question, answer: question.suggestedAnswer, source: "suggested" };
  });
  if (missing.length > 0) {
    throw new EngineError({
      code: "unanswered-questions",
      message: `${options.path} does not answer ${missing.map((question) => `${question.id} ("${question.question}")`).join(", ")}.`,
      fix: `Add ${missing.map((question) => `\`${question.id}: <answer>\``).join(", ")} to ${options.path}, or pass --yes to take the suggested answers.`,
      candidates: missing.map((question) => question.id),
    });
  }
  return result;
}

/** Every question at its suggested answer (`--yes`). */
export function suggestedAnswers(questions: readonly ClarifyingQuestion[]): Clarification[] {
  return questions.map((question) => ({ ...question, answer: question.suggestedAnswer, source: "suggested" }));
}

function normalizeKey(key: string): string {
  return key.replace(/\s+/g, " ").trim().toLowerCase();
}

function answersError(path: string, problem: string): EngineError {
  return new EngineError({
    code: "invalid-answers-file",
    kind: "usage",
    message: `The answers file ${path} ${problem}.`,
    fix: "Write one line per question, `question-id: answer` (the ids are printed with the questions).",
    path,
  });
}
