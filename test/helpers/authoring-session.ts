import { createModelSession } from "../../src/engine/llm/create-model-session.js";
import type { ModelSession } from "../../src/engine/llm/model-session.js";
import { createMockModel, type MockModel, type MockReply } from "./mock-model.js";

/** A real model session over a scripted mock model, as authoring workflows get it from the CLI. */
export async function scriptedSession(
  replies: readonly MockReply[],
): Promise<{ readonly session: ModelSession; readonly mock: MockModel }> {
  const mock = createMockModel(replies);
  const session = await createModelSession({
    selection: { provider: "openai-compatible", modelId: "mock-model", source: "test" },
    env: {},
    languageModel: mock.model,
    streaming: false,
  });
  return { session, mock };
}

/** The clarifying questions of the seed example, as the model answers them (JSON). */
export const RATE_LIMITING_QUESTIONS = JSON.stringify({
  questions: [
    {
      id: "per-route-limits",
      question: "Should limits be configurable per route?",
      suggestedAnswer: "Yes: a route may override the default limits.",
    },
    {
      id: "redis-down",
      question: "Fail open or closed when Redis is down?",
      suggestedAnswer: "Fail open: requests pass and an error is logged.",
    },
    {
      id: "window",
      question: "Rolling or fixed window?",
      suggestedAnswer: "A sliding window of one minute.",
    },
  ],
});
