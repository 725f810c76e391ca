import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RATE_LIMITING } from "../helpers/authoring-fixtures.js";
import { RATE_LIMITING_QUESTIONS } from "../helpers/authoring-session.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import type { FakeReply } from "../helpers/fake-openai-server.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const PROMPT = "Rate limiting for our Express API: 100 requests per minute per user, HTTP 429 with Retry-After";

/** The built CLI, through the real openai-compatible client, against a server that misbehaves on cue. */
describe("authoring survives a misbehaving model server, end to end", () => {
  const directory = useTempDirectory("specwright-faults-");
  const model = useCliWithFakeModel(directory);
  async function newSpec(replies: readonly FakeReply[]) {
    await model.start(replies);
    // A short request time-out so a hung server costs a second, not two minutes.
    await writeTree(directory(), {
      ".kiro/settings/specwright.json": JSON.stringify({ limits: { requestTimeoutMs: 1500, maxRetries: 3 } }),
    });
    return runCli(["new", "rate-limiting", PROMPT, "--yes", "--json"], {
      cwd: directory(),
      env: model.env(),
    });
  }
  const requirements = () => readFile(join(directory(), ".kiro/specs/rate-limiting/requirements.md"), "utf8");

  it("retries a 500, a stream cut in the middle and a request that never answers, then writes the whole document", async () => {
    const result = await newSpec([
      { status: 500, body: '{"error": {"message": "upstream exploded"}}' },
      { text: RATE_LIMITING_QUESTIONS },
      { cutAfterChars: 200, text: RATE_LIMITING.requirements },
      { hang: true },
      { text: RATE_LIMITING.requirements },
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(jsonOf(result)).toMatchObject({ ok: true, status: "written" });
    expect(await requirements()).toBe(RATE_LIMITING.requirements);
    expect(model.server?.remaining()).toBe(0);
    // Every call streamed; the usage counts only the calls that completed.
    expect(model.server?.requests.every((request) => request.body?.stream === true)).toBe(true);
    expect(result.stderr.match(/retrying/g)?.length).toBe(3);
  });

  it("gives up after the retries with a clear message, and leaves no spec half-written", async () => {
    const down: FakeReply = { status: 503, body: '{"error": {"message": "overloaded"}}' };
    const result = await newSpec([{ text: RATE_LIMITING_QUESTIONS }, down, down, down, down]);
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({
      ok: false,
      error: { code: "model-unavailable", message: expect.stringContaining("503"), fix: expect.stringMatching(/\S/) },
    });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(join(directory(), ".kiro/specs")).catch(() => [])).toEqual([]);
  });
});
