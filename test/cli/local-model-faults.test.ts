import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contextCharsFor } from "../../src/engine/llm/context-budget.js";
import { DEFAULT_MAX_OUTPUT_TOKENS } from "../../src/engine/llm/output-token-limits.js";
import { RATE_LIMITING } from "../helpers/authoring-fixtures.js";
import { RATE_LIMITING_QUESTIONS } from "../helpers/authoring-session.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import type { FakeReply, FakeRequest } from "../helpers/fake-openai-server.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { runCliOnTerminal } from "../helpers/run-cli-on-terminal.js";
import { createRunnerProject, writeSubtractReply } from "../helpers/runner-project.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const PROMPT = "Rate limiting for our Express API: 100 requests per minute per user, HTTP 429 with Retry-After";
const TASKS = ".kiro/specs/calculator/tasks.md";

function userText(request: FakeRequest | undefined): string {
  return (request?.body?.messages ?? [])
    .filter((message) => message.role === "user")
    .map((message) => (typeof message.content === "string" ? message.content : JSON.stringify(message.content)))
    .join("\n");
}

/**
 * The faults of a local OpenAI-compatible server (llama.cpp and the like), scripted on 127.0.0.1 and met
 * through the built CLI and the real provider client: an error inside the stream, a trickle, a slow first
 * byte, a prompt larger than the window.
 */
describe("local-model faults, end to end", () => {
  const directory = useTempDirectory("specwright-local-faults-");
  const model = useCliWithFakeModel(directory);

  async function newSpec(replies: readonly FakeReply[], limits: Record<string, unknown>, flags: string[] = []) {
    await model.start(replies);
    await writeTree(directory(), { ".kiro/settings/specwright.json": JSON.stringify({ limits }) });
    return runCli(["new", "rate-limiting", PROMPT, "--yes", "--json", ...flags], {
      cwd: directory(),
      env: model.env(),
    });
  }

  it("prints the server's message for an error sent inside the stream, never [object Object]", async () => {
    const result = await newSpec(
      [{ streamError: { message: "llama_decode failed: out of KV cache slots", type: "server_error", code: 500 } }],
      { maxRetries: 2 },
    );
    expect(result.code).toBe(1);
    const error = jsonOf(result).error as { code: string; message: string };
    expect(error.message).toContain("llama_decode failed: out of KV cache slots");
    expect(`${result.stdout}${result.stderr}`).not.toContain("[object Object]");
    // Not a cut-off answer: nothing to gain from asking again.
    expect(model.server?.requests).toHaveLength(1);
  });

  it("stops a trickling answer at the call deadline, in bounded time, with the setting to raise", async () => {
    const result = await newSpec(
      [{ text: RATE_LIMITING.requirements, trickleMs: 40 }, { text: RATE_LIMITING.requirements }],
      { callDeadlineMs: 1500, requestTimeoutMs: 1000, maxRetries: 3 },
      ["--no-questions"],
    );
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({
      ok: false,
      error: { code: "model-deadline", fix: expect.stringContaining("limits.callDeadlineMs") },
    });
    // The trickle never went silent, and the same request is not sent again to trickle again.
    expect(model.server?.requests).toHaveLength(1);
    expect(model.server?.remaining()).toBe(1);
  });

  it("asks a server that does not answer in time once more, not four times, and names the setting", async () => {
    const result = await newSpec(
      [{ hang: true }, { hang: true }, { hang: true }, { hang: true }, { hang: true }],
      {
        requestTimeoutMs: 400,
        maxRetries: 4,
      },
      ["--no-questions"],
    );
    expect(result.code).toBe(1);
    const error = jsonOf(result).error as { code: string; message: string; fix: string };
    expect(error.code).toBe("model-timeout");
    expect(error.message).toContain("Gave up after 2 attempts");
    expect(error.fix).toContain("limits.requestTimeoutMs");
    expect(error.fix).toContain("limits.contextTokens");
    expect(model.server?.requests).toHaveLength(2);
  });

  it("cuts a prompt the server refused as too long for its window once, and says so", async () => {
    await writeTree(directory(), {
      ".kiro/steering/big.md": `# Big\n\n${"Steering that matters little. ".repeat(2000)}`,
    });
    const result = await newSpec(
      [
        { contextOverflow: "llama.cpp", contextTokens: 6144, promptTokens: 20_000 },
        { text: RATE_LIMITING.requirements },
      ],
      {},
      ["--no-questions"],
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/did not fit the model's context window of 6,144 tokens; trying once more/);
    const [refused, retried] = model.server?.requests ?? [];
    expect(userText(retried).length).toBeLessThan(userText(refused).length);
    expect(userText(retried)).toContain(PROMPT);
    expect(retried?.body?.max_tokens).toBeLessThanOrEqual(3072);
    expect(await readFile(join(directory(), ".kiro/specs/rate-limiting/requirements.md"), "utf8")).toBe(
      RATE_LIMITING.requirements,
    );
  });

  it("explains a prompt that still does not fit after the cut, naming limits.contextTokens", async () => {
    const overflow: FakeReply = { contextOverflow: "openai", contextTokens: 8192, promptTokens: 9000 };
    const result = await newSpec([overflow, overflow, overflow], { maxRetries: 4 }, ["--no-questions"]);
    expect(result.code).toBe(1);
    const error = jsonOf(result).error as { code: string; message: string; fix: string };
    expect(error.code).toBe("model-context-overflow");
    expect(error.message).toContain("8,192 tokens");
    expect(error.fix).toContain("limits.contextTokens");
    expect(model.server?.requests).toHaveLength(2);
  });

  it("sends max_tokens on every call, per purpose, and sizes the context from limits.contextTokens", async () => {
    await writeTree(directory(), {
      ".kiro/steering/big.md": `# Big\n\n${"Steering that matters little. ".repeat(2000)}`,
    });
    const result = await newSpec([{ text: RATE_LIMITING_QUESTIONS }, { text: RATE_LIMITING.requirements }], {
      contextTokens: 8192,
    });
    expect(result.code, result.stderr).toBe(0);
    const [questions, requirements] = model.server?.requests ?? [];
    expect(questions?.body?.max_tokens).toBe(DEFAULT_MAX_OUTPUT_TOKENS.questions);
    // An 8k window: the document's answer gets half of it, and the context what is left.
    expect(requirements?.body?.max_tokens).toBe(4096);
    expect(userText(requirements).length).toBeLessThanOrEqual(contextCharsFor(8192, 4096) + 2000);
    expect(userText(requirements)).toContain(PROMPT);
  });

  it("learns the window from a llama.cpp server's /props when the settings do not name it", async () => {
    const server = await model.start([{ text: RATE_LIMITING.requirements }]);
    server.contextTokens = 8192;
    await writeTree(directory(), {
      ".kiro/steering/big.md": `# Big\n\n${"Steering that matters little. ".repeat(2000)}`,
    });
    const result = await runCli(["new", "rate-limiting", PROMPT, "--yes", "--no-questions", "--json"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(server.propsRequests).toBe(1);
    expect(server.requests[0]?.body?.max_tokens).toBe(4096);
    expect(userText(server.requests[0]).length).toBeLessThanOrEqual(contextCharsFor(8192, 4096) + 2000);
  });

  it("shows a live line on a terminal while the call runs: elapsed seconds, then the tokens streaming in", async () => {
    await model.start([{ text: RATE_LIMITING.requirements, delayMs: 2500, chunkDelayMs: 20 }]);
    const result = await runCliOnTerminal(["new", "rate-limiting", PROMPT, "--no-questions"], {
      cwd: directory(),
      env: model.env(),
      prompt: "never shown",
      answers: [],
    });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/requirements: [12] s · waiting for the first token/);
    expect(result.output).toMatch(/requirements: \d+ s · ~\d+ tokens/);
  });

  it("--no-questions writes the document without the questions call", async () => {
    const result = await newSpec([{ text: RATE_LIMITING.requirements }], {}, ["--no-questions"]);
    expect(result.code, result.stderr).toBe(0);
    expect(model.server?.requests).toHaveLength(1);
    expect(model.server?.requests[0]?.body?.max_tokens).toBe(DEFAULT_MAX_OUTPUT_TOKENS.documents);
    expect(jsonOf(result)).toMatchObject({ ok: true, status: "written", clarifications: [] });
  });

  it("under --yes, questions the model cannot produce as JSON give way to none, with a warning", async () => {
    const result = await newSpec(
      [
        { text: "Sure! Here are my questions: 1. who?" },
        { text: "still not JSON" },
        { text: RATE_LIMITING.requirements },
      ],
      {},
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: no clarifying questions: .*JSON/);
    expect(jsonOf(result)).toMatchObject({ ok: true, status: "written", clarifications: [] });
  });

  it("without --yes, the failed questions still stop the command (an answers file was expected to be used)", async () => {
    await model.start([{ text: "not JSON" }, { text: "not JSON either" }]);
    await writeTree(directory(), { "answers.yaml": "q1: yes\n" });
    const result = await runCli(["new", "rate-limiting", PROMPT, "--answers", "answers.yaml", "--json"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "invalid-model-json" } });
  });
});

describe("the task agent on a slow local model, end to end", () => {
  const directory = useTempDirectory("specwright-local-agent-");
  const model = useCliWithFakeModel(directory, "openai-compatible:fake");

  it("streams its steps, so a slow first byte and steady tokens outlast the request time-out", async () => {
    await createRunnerProject(directory(), { limits: { requestTimeoutMs: 1500, maxRetries: 0 } });
    // Each answer takes longer in all than the time-out, but is never silent that long.
    const server = await model.start([
      { ...writeSubtractReply(), delayMs: 800, chunkDelayMs: 400 },
      { text: "Added subtract with a test; nothing is open.", delayMs: 800, chunkDelayMs: 400 },
    ]);
    const result = await runCli(["run", "calculator", "--task", "1.1", "--verbose"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(server.requests.every((request) => request.body?.stream === true)).toBe(true);
    expect(server.requests.every((request) => request.body?.max_tokens === DEFAULT_MAX_OUTPUT_TOKENS.agent)).toBe(true);
    expect(result.stderr).not.toMatch(/retrying/);
    expect(await readFile(join(directory(), TASKS), "utf8")).toContain("[x] 1.1");
    // A step's end is a turn of the model, not the task finished.
    expect(result.stderr).toContain("model: turn ended for task 1.1");
    expect(result.stderr).not.toMatch(/task 1\.1 done,/);
  });

  it("shows the server's message when an error comes inside the agent's stream", async () => {
    await createRunnerProject(directory(), { limits: { maxRetries: 1 } });
    await model.start([
      { streamError: { message: "llama_decode failed: out of KV cache slots", type: "server_error" } },
    ]);
    const result = await runCli(["run", "calculator", "--task", "1.1"], { cwd: directory(), env: model.env() });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("llama_decode failed: out of KV cache slots");
    expect(`${result.stdout}${result.stderr}`).not.toContain("[object Object]");
    expect(await readFile(join(directory(), TASKS), "utf8")).toContain("[ ] 1.1");
  });

  it("cuts the agent's prompt once on a context overflow, then finishes the task", async () => {
    await createRunnerProject(directory());
    const server = await model.start([
      { contextOverflow: "llama.cpp", contextTokens: 4096, promptTokens: 5000 },
      writeSubtractReply(),
      { text: "Done." },
    ]);
    const result = await runCli(["run", "calculator", "--task", "1.1"], { cwd: directory(), env: model.env() });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stderr).toMatch(/did not fit the model's context window of 4,096 tokens/);
    expect(userText(server.requests[1]).length).toBeLessThan(userText(server.requests[0]).length);
    expect(await readFile(join(directory(), TASKS), "utf8")).toContain("[x] 1.1");
  });
});
