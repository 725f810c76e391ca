import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { generateText, stepCountIs, tool } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openModelSession } from "../../../src/cli/model-options.js";
import { generateJsonObject } from "../../../src/engine/llm/generate-json-object.js";
import { openWorkspaceModelSession } from "../../../src/engine/llm/open-workspace-model-session.js";
import { readUsageRecords, usageLogPath } from "../../../src/workspace/usage-log.js";
import { rejectionOf } from "../../helpers/engine-error.js";
import { useFakeOpenAiServer } from "../../helpers/fake-openai-server.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const root = useTempDirectory();
const fakeServer = useFakeOpenAiServer();

const CALL = { purpose: "questions", system: "Ask.", messages: [{ role: "user" as const, content: "Rate limiting" }] };
const KEY = "sk-local-secret-key-for-tests-0123456789";

const start = fakeServer.start;

function localEnv(url: string): Record<string, string> {
  return { SPECWRIGHT_MODEL: "openai-compatible:qwen3-coder", SPECWRIGHT_BASE_URL: url, SPECWRIGHT_API_KEY: KEY };
}

describe("openWorkspaceModelSession end to end (real openai-compatible client, fake server)", () => {
  it("repairs invalid JSON from the model, in JSON mode, and records both calls", async () => {
    const fake = await start([{ text: '{"questions": [{"question": "Per route?"' }, { text: '{"questions": []}' }]);
    const session = await openWorkspaceModelSession({ root: root(), command: "new", env: localEnv(fake.url) });
    const value = await generateJsonObject(session, CALL, z.object({ questions: z.array(z.unknown()) }));
    expect(value).toEqual({ questions: [] });
    expect(fake.requests.map((request) => request.body?.response_format)).toEqual([
      { type: "json_object" },
      { type: "json_object" },
    ]);
    expect(fake.requests[1]?.rawBody).toContain("not valid JSON");
    expect((await readUsageRecords(root())).map((record) => record.purpose)).toEqual(["questions", "repair questions"]);
    // The log is this machine's spending: kept out of the user's commits and of task checkpoints.
    expect(await readFile(join(dirname(usageLogPath(root())), ".gitignore"), "utf8")).toBe("*\n");
  });

  it("takes model, base URL and limits from .kiro/settings/specwright.json, flags winning", async () => {
    const fake = await start([{ text: "a long answer", usage: { inputTokens: 50, outputTokens: 60 } }]);
    await writeTree(root(), {
      ".kiro/settings/specwright.json": JSON.stringify({
        model: "openai-compatible:from-settings",
        baseUrl: fake.url,
        limits: { maxTokens: 1_000_000 },
      }),
    });
    const session = await openWorkspaceModelSession({ root: root(), command: "design", env: {}, maxTokens: 100 });
    expect(session.selection).toMatchObject({ modelId: "from-settings", baseUrl: fake.url });
    const error = await rejectionOf(session.generate(CALL));
    expect(error.code).toBe("budget-exceeded");
    expect(session.totals()).toMatchObject({ inputTokens: 50, outputTokens: 60 });
    expect(fake.requests[0]?.body?.model).toBe("from-settings");
  });

  it("refuses an invalid settings file instead of ignoring its budgets", async () => {
    await writeTree(root(), { ".kiro/settings/specwright.json": '{"limits": {"maxCost": "cheap"}}' });
    const error = await rejectionOf(openWorkspaceModelSession({ root: root(), command: "new", env: {} }));
    expect(error.code).toBe("invalid-settings");
  });

  it("with no model configured, fails before any request with what to set", async () => {
    const error = await rejectionOf(openWorkspaceModelSession({ root: root(), command: "new", env: {} }));
    expect(error).toMatchObject({ code: "no-model", kind: "usage" });
  });

  it("with a hosted model and no key, names the variable", async () => {
    const error = await rejectionOf(
      openWorkspaceModelSession({ root: root(), command: "new", env: { SPECWRIGHT_MODEL: "openai:gpt-5" } }),
    );
    expect(error).toMatchObject({ code: "no-api-key", kind: "usage" });
    expect(error.message).toContain("OPENAI_API_KEY");
  });

  it("sends the key to the server but never to usage.jsonl or an error message", async () => {
    const fake = await start([
      { text: "fine" },
      { status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } }) },
      { status: 500, body: `internal error for key ${KEY}` },
      { status: 500, body: `internal error for key ${KEY}` },
    ]);
    const session = await openWorkspaceModelSession({
      root: root(),
      command: "new",
      env: { ...localEnv(fake.url), SPECWRIGHT_MODEL: "openai-compatible:qwen3-coder" },
      streaming: false,
    });
    await session.generate(CALL);
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    const auth = await rejectionOf(session.generate(CALL));
    expect(auth.code).toBe("model-auth-failed");
    expect(`${auth.message}${auth.fix}`).not.toContain(KEY);
    const unavailable = await rejectionOf(
      openWorkspaceModelSession({
        root: root(),
        command: "new",
        env: localEnv(fake.url),
        settings: { limits: { maxRetries: 1 } },
      }).then((retrying) => retrying.generate(CALL)),
    );
    expect(unavailable.code).toBe("model-unavailable");
    expect(unavailable.message).toContain("internal error for key ***");
    expect(`${unavailable.message}${unavailable.fix}`).not.toContain(KEY);
    await session.flush();
    expect(await readFile(usageLogPath(root()), "utf8")).not.toContain(KEY);
  });

  it("serves tool calls to an agent loop on the session's language model", async () => {
    const fake = await start([
      { toolCalls: [{ name: "readFile", arguments: { path: "src/app.ts" } }] },
      { text: "Done: the file exports app." },
    ]);
    const session = await openWorkspaceModelSession({ root: root(), command: "run", env: localEnv(fake.url) });
    const seen: string[] = [];
    const result = await generateText({
      model: session.languageModel,
      prompt: "Read src/app.ts",
      maxRetries: 0,
      stopWhen: stepCountIs(3),
      tools: {
        readFile: tool({
          inputSchema: z.object({ path: z.string() }),
          execute: async ({ path }) => {
            seen.push(path);
            return "export const app = 1;";
          },
        }),
      },
    });
    session.record("task 1", {
      inputTokens: result.totalUsage.inputTokens ?? 0,
      outputTokens: result.totalUsage.outputTokens ?? 0,
    });
    expect(seen).toEqual(["src/app.ts"]);
    expect(result.text).toBe("Done: the file exports app.");
    expect(JSON.stringify(fake.requests[1]?.body?.messages)).toContain("export const app = 1;");
    expect(session.totals().calls).toBe(1);
    // record() writes in the background; the command waits for it, and so must the test before its folder goes.
    await session.flush();
    expect((await readUsageRecords(root())).map((record) => record.purpose)).toEqual(["task 1"]);
  });
});

describe("openModelSession (the CLI's helper)", () => {
  it("refuses a --max-tokens or --max-cost that is not a positive number", async () => {
    const tokens = await rejectionOf(
      openModelSession({ maxTokens: "lots" }, { root: root(), command: "new", env: {} }),
    );
    expect(tokens).toMatchObject({ code: "invalid-option", kind: "usage" });
    const cost = await rejectionOf(openModelSession({ maxCost: "-1" }, { root: root(), command: "new", env: {} }));
    expect(cost.fix).toContain("--max-cost 0.50");
  });

  it("applies --model and --max-cost over the environment", async () => {
    const fake = await start([{ text: "ok", usage: { inputTokens: 10, outputTokens: 10 } }]);
    const events: string[] = [];
    const session = await openModelSession(
      { model: "openai-compatible:flagged", maxCost: "$0.000001" },
      {
        root: root(),
        command: "new",
        env: { ...localEnv(fake.url) },
        onProgress: (event) => events.push(event.type === "warning" ? event.message : event.type),
      },
    );
    expect(session.selection.modelId).toBe("flagged");
    await session.generate(CALL);
    expect(events).toContain("call-end");
    // No price for "flagged": the cost budget cannot be checked, so it does not stop the call, and says so.
    expect(session.totals().costUsd).toBeUndefined();
    expect(events[0]).toContain('No price is known for "flagged"');
  });
});
