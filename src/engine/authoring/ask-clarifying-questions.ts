import { generateJsonObject } from "../llm/generate-json-object.js";
import type { ModelSession } from "../llm/model-session.js";
import { type ClarifyingQuestion, ClarifyingQuestionsSchema, normalizeQuestions } from "./clarifying-question.js";

/**
 * The model's clarifying questions about a request, as JSON (the provider's JSON mode where it has one, a
 * parse with one repair elsewhere): at most five, each with a suggested answer.
 */
export async function askClarifyingQuestions(input: {
  readonly session: ModelSession;
  readonly system: string;
  readonly context: string;
}): Promise<ClarifyingQuestion[]> {
  const raw = await generateJsonObject(
    input.session,
    {
      purpose: "questions",
      outputPurpose: "questions",
      system: input.system,
      messages: [{ role: "user", content: input.context }],
    },
    ClarifyingQuestionsSchema,
  );
  return normalizeQuestions(raw);
}
