import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  RATE_LIMITING,
  REQUIREMENTS_AS_WRITTEN,
  writeRateLimitingRequirements,
} from "../helpers/authoring-fixtures.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

interface Estimate {
  estimate: true;
  calls: { purpose: string; inputTokens: number; outputTokens: number; outputFrom: string; historyCalls: number }[];
  totals: { inputTokens: number; outputTokens: number; costUsd: number | null };
}

const PROMPT = "100 requests per minute per user, 429 with Retry-After";

describe("--estimate", () => {
  const directory = useTempDirectory("specwright-estimate-");
  const model = useCliWithFakeModel(directory);
  const usageLog = () => join(directory(), ".kiro", "specwright", "usage.jsonl");
  const recorded = async () =>
    (await readFile(usageLog(), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { purpose: string; inputTokens: number; outputTokens: number });

  it("new: counts the step without calling the model, within 20% of the tokens the server then reports", async () => {
    await mkdir(join(directory(), ".kiro"), { recursive: true });
    const estimated = await model.run(["new", "rate-limiting", PROMPT, "--no-questions", "--estimate", "--json"]);
    expect(estimated.code, estimated.stderr).toBe(0);
    const estimate = jsonOf(estimated) as unknown as Estimate;
    expect(estimate).toMatchObject({ ok: true, estimate: true, model: "openai-compatible:test" });
    expect(estimate.calls.map((call) => call.purpose)).toEqual(["requirements"]);
    expect(model.server?.requests).toHaveLength(0);
    expect(await readdir(join(directory(), ".kiro"))).toEqual([]);

    model.server?.push({ text: REQUIREMENTS_AS_WRITTEN });
    const real = await model.run(["new", "rate-limiting", PROMPT, "--no-questions", "--json"]);
    expect(real.code, real.stderr).toBe(0);
    const [call] = await recorded();
    const actual = call?.inputTokens ?? 0;
    expect(actual).toBeGreaterThan(0);
    expect(Math.abs(estimate.totals.inputTokens - actual) / actual).toBeLessThan(0.2);
  });

  it("new with questions: estimates the questions and the document; unknown prices say so", async () => {
    await mkdir(join(directory(), ".kiro"), { recursive: true });
    const result = await model.run(["new", "rate-limiting", PROMPT, "--estimate"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("nothing was sent");
    expect(result.stdout).toMatch(/questions\s+[\d,]+ in \/ 400 out \(default\)/);
    expect(result.stdout).toMatch(/requirements\s+[\d,]+ in \/ 3,000 out \(default\)/);
    expect(result.stdout).toContain("cost unknown");
    expect(model.server?.requests).toHaveLength(0);
  });

  it("design: takes the output tokens from the medians of usage.jsonl for that purpose, and prices a known model", async () => {
    await writeRateLimitingRequirements(directory(), RATE_LIMITING.refinedRequirements);
    expect((await runCli(["approve", "rate-limiting", "requirements"], { cwd: directory() })).code).toBe(0);
    await mkdir(join(directory(), ".kiro", "specwright"), { recursive: true });
    const record = (outputTokens: number, purpose = "design") =>
      JSON.stringify({
        at: "2026-01-01T00:00:00.000Z",
        command: "design",
        purpose,
        provider: "openai",
        modelId: "gpt-4o",
        inputTokens: 1000,
        outputTokens,
        costUsd: null,
      });
    await writeFile(usageLog(), `${[record(1000), record(5000), record(2000), record(9, "tasks")].join("\n")}\n`);
    const result = await runCli(["design", "rate-limiting", "--estimate", "--json", "--model", "openai:gpt-4o"], {
      cwd: directory(),
      env: { OPENAI_API_KEY: "" },
    });
    expect(result.code, result.stderr).toBe(0);
    const estimate = jsonOf(result) as unknown as Estimate;
    expect(estimate.calls).toEqual([
      expect.objectContaining({ purpose: "design", outputTokens: 2000, outputFrom: "history", historyCalls: 3 }),
    ]);
    expect(estimate.totals.costUsd).toBeGreaterThan(0);
    expect(await readdir(join(directory(), ".kiro", "specs", "rate-limiting"))).not.toContain("design.md");
  });

  it("plan --estimate refuses as usual when the design is not approved", async () => {
    await writeRateLimitingRequirements(directory(), RATE_LIMITING.refinedRequirements);
    const result = await model.run(["plan", "rate-limiting", "--estimate", "--json"]);
    expect(result.code).not.toBe(0);
    expect(jsonOf(result)).toMatchObject({ ok: false });
    expect(model.server?.requests).toHaveLength(0);
  });
});
