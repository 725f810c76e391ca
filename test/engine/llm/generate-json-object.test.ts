import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { createModelSession } from "../../../src/engine/llm/create-model-session.js";
import { generateJsonObject } from "../../../src/engine/llm/generate-json-object.js";
import { extractJsonText, parseJsonReply } from "../../../src/engine/llm/parse-json-reply.js";
import { createMockModel, type MockReply } from "../../helpers/mock-model.js";

const Questions = z.object({
  questions: z.array(z.object({ question: z.string(), suggestedAnswer: z.string() })).max(5),
});
const CALL = {
  purpose: "questions",
  system: "Ask clarifying questions.",
  messages: [{ role: "user" as const, content: "Rate limiting" }],
};
const VALID = { questions: [{ question: "Fail open or closed?", suggestedAnswer: "Fail open." }] };

async function sessionWith(replies: MockReply[]) {
  const mock = createMockModel(replies);
  const session = await createModelSession({
    selection: {
      provider: "openai-compatible",
      modelId: "qwen3-coder",
      baseUrl: "http://127.0.0.1:9/v1",
      source: "test",
    },
    env: {},
    languageModel: mock.model,
  });
  return { session, mock };
}

describe("extractJsonText and parseJsonReply", () => {
  it("takes the JSON out of a ```json fence or surrounding prose", () => {
    expect(extractJsonText('```json\n{"a": 1}\n```')).toBe('{"a": 1}');
    expect(extractJsonText('Here you go:\n{"a": {"b": 2}}\nHope it helps.')).toBe('{"a": {"b": 2}}');
    expect(extractJsonText("no json here")).toBeUndefined();
  });

  it("validates with the schema and words problems for the model", () => {
    expect(parseJsonReply(JSON.stringify(VALID), Questions)).toEqual({ ok: true, value: VALID });
    const broken = parseJsonReply('{"questions": [', Questions);
    expect(broken.ok).toBe(false);
    expect(broken.ok ? "" : broken.problem).toContain("not valid JSON");
    const wrongShape = parseJsonReply('{"questions": [{"question": 3}]}', Questions);
    expect(wrongShape.ok ? "" : wrongShape.problem).toContain("questions.0.question");
  });
});

describe("generateJsonObject", () => {
  it("returns the validated object, asking for JSON mode and saying so in the prompt", async () => {
    const { session, mock } = await sessionWith([`\`\`\`json\n${JSON.stringify(VALID)}\n\`\`\``]);
    expect(await generateJsonObject(session, CALL, Questions)).toEqual(VALID);
    expect(mock.calls[0]?.responseFormat).toEqual({ type: "json" });
    expect(mock.prompts()[0]?.system).toContain("Answer with one JSON object only");
  });

  it("repairs once, quoting the problem to the model", async () => {
    const { session, mock } = await sessionWith(["Sure! {questions: oops", JSON.stringify(VALID)]);
    expect(await generateJsonObject(session, CALL, Questions)).toEqual(VALID);
    expect(mock.calls).toHaveLength(2);
    expect(mock.prompts()[1]?.lastUser).toContain("not valid JSON");
    expect(session.totals().calls).toBe(2);
  });

  it("fails with invalid-model-json after one repair that did not help", async () => {
    const { session, mock } = await sessionWith(["nope", '{"questions": "still wrong"}', "never asked"]);
    const error = await generateJsonObject(session, CALL, Questions).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: "invalid-model-json" });
    expect(mock.calls).toHaveLength(2);
  });
});
