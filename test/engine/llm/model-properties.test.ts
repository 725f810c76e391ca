import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { createModelSession } from "../../../src/engine/llm/create-model-session.js";
import { redactSecrets } from "../../../src/engine/llm/redact-secrets.js";
import { resolveModelSelection } from "../../../src/engine/llm/resolve-model-selection.js";
import { backoffDelayMs } from "../../../src/engine/llm/retry-policy.js";
import { createMockModel } from "../../helpers/mock-model.js";

const provider = fc.constantFrom("anthropic", "openai", "google", "amazon-bedrock");
const modelId = fc.stringMatching(/^[a-z0-9][a-z0-9.:-]{0,30}$/);
const choice = fc.option(
  fc.tuple(provider, modelId).map(([name, id]) => `${name}:${id}`),
  { nil: undefined },
);

describe("model layer properties", () => {
  it("Property 1: the first of --model, SPECWRIGHT_MODEL and settings wins", () => {
    fc.assert(
      fc.property(choice, choice, choice, (flag, variable, setting) => {
        fc.pre(flag !== undefined || variable !== undefined || setting !== undefined);
        const selection = resolveModelSelection({
          ...(flag !== undefined ? { flag } : {}),
          env: variable !== undefined ? { SPECWRIGHT_MODEL: variable } : {},
          ...(setting !== undefined ? { settings: { model: setting } } : {}),
        });
        const expected = flag ?? variable ?? setting ?? "";
        expect(`${selection.provider}:${selection.modelId}`).toBe(expected);
        const source =
          flag !== undefined
            ? "--model"
            : variable !== undefined
              ? "SPECWRIGHT_MODEL"
              : ".kiro/settings/specwright.json";
        expect(selection.source).toBe(source);
      }),
    );
  });

  it("Property 2: the backoff lies between zero and its ceiling", () => {
    fc.assert(
      fc.property(fc.nat(64), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const delay = backoffDelayMs(attempt, () => random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(30_000, 500 * 2 ** attempt));
      }),
    );
  });

  it("Property 4: once a token budget is passed, every later call is refused and nothing spent is lost", async () => {
    const usage = fc.record({ inputTokens: fc.nat(400), outputTokens: fc.nat(400) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(usage, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 2_000 }),
        async (usages, maxTokens) => {
          const mock = createMockModel(["never sent"]);
          const session = await createModelSession({
            selection: {
              provider: "openai-compatible",
              modelId: "m",
              baseUrl: "http://127.0.0.1:9/v1",
              source: "test",
            },
            env: {},
            languageModel: mock.model,
            limits: { maxTokens },
          });
          let spent = 0;
          let passed = false;
          for (const step of usages) {
            spent += step.inputTokens + step.outputTokens;
            const record = () => session.record("step", step);
            if (spent > maxTokens) {
              expect(record).toThrow(EngineError);
              passed = true;
            } else record();
            expect(session.totals().inputTokens + session.totals().outputTokens).toBe(spent);
          }
          if (passed) {
            const error = await session
              .generate({ purpose: "next", system: "", messages: [] })
              .catch((caught: unknown) => caught);
            expect(error).toMatchObject({ code: "budget-exceeded" });
            expect(mock.calls).toHaveLength(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("Property 5: a secret never survives redaction, wherever it sits in the text", () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);
    fc.assert(
      fc.property(secret, fc.string(), fc.string(), fc.nat(3), (value, before, after, repeats) => {
        const text = `${before}${value}${after}${value.repeat(repeats)}`;
        expect(redactSecrets(text, [value])).not.toContain(value);
      }),
    );
  });
});
