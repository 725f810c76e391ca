import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { suggestedAnswers } from "../../../src/engine/authoring/answers-file.js";
import type { AuthoringEvent } from "../../../src/engine/authoring/authoring-event.js";
import { checkCandidateDocument } from "../../../src/engine/authoring/check-candidate-document.js";
import { newSpecWithModel } from "../../../src/engine/authoring/new-spec-with-model.js";
import { RATE_LIMITING, REQUIREMENTS_AS_WRITTEN } from "../../helpers/authoring-fixtures.js";
import { RATE_LIMITING_QUESTIONS, scriptedSession } from "../../helpers/authoring-session.js";
import type { MockReply } from "../../helpers/mock-model.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

const PROMPT =
  "Create a spec for rate limiting our Express API: 100 requests per minute per authenticated user; 1000 per minute per IP for unauthenticated routes; HTTP 429 with Retry-After; Redis for the counters; must work across several server instances";

describe("newSpecWithModel", () => {
  const directory = useTempDirectory();

  async function run(replies: readonly MockReply[], extra: { force?: boolean; type?: "bugfix" } = {}) {
    await mkdir(join(directory(), ".kiro"), { recursive: true });
    const { session, mock } = await scriptedSession(replies);
    const events: AuthoringEvent[] = [];
    const result = newSpecWithModel({
      root: directory(),
      session,
      name: "rate-limiting",
      prompt: PROMPT,
      specId: "00000000-0000-4000-8000-000000000000",
      answer: async (questions) => suggestedAnswers(questions),
      onEvent: (event) => events.push(event),
      ...extra,
    });
    return { result, mock, events };
  }

  const folder = () => join(directory(), ".kiro", "specs", "rate-limiting");

  it("asks questions, records the answers and writes requirements.md and .config.kiro", async () => {
    const { result, mock, events } = await run([RATE_LIMITING_QUESTIONS, `Here you go:\n\n${REQUIREMENTS_AS_WRITTEN}`]);
    const written = await result;
    expect(written).toMatchObject({ status: "written", document: "requirements", repairs: 0, problems: [] });
    expect(written.questions.map((question) => question.id)).toEqual(["per-route-limits", "redis-down", "window"]);
    const text = await readFile(join(folder(), "requirements.md"), "utf8");
    expect(text).toBe(RATE_LIMITING.requirements);
    const config = JSON.parse(await readFile(join(folder(), ".config.kiro"), "utf8"));
    expect(config).toMatchObject({
      specId: "00000000-0000-4000-8000-000000000000",
      workflowType: "requirements-first",
      specType: "feature",
    });
    // Where the spec came from stays with it: the prompt and each answer.
    expect(config.origin.prompt).toContain("1000 per minute per IP");
    expect(config.origin.answers.map((answer: { id: string }) => answer.id)).toEqual([
      "per-route-limits",
      "redis-down",
      "window",
    ]);
    expect(config.origin.answers[1]).toMatchObject({
      question: "Fail open or closed when Redis is down?",
      answer: "Fail open: requests pass and an error is logged.",
    });
    const check = await checkCandidateDocument({
      root: directory(),
      spec: "rate-limiting",
      document: "requirements",
      content: text,
    });
    expect(check).toMatchObject({ errors: 0, warnings: 0 });
    // The prompt and the answers reached the model.
    const [questions, requirements] = mock.prompts();
    expect(questions?.lastUser).toContain("1000 per minute per IP");
    expect(requirements?.lastUser).toContain("Fail open: requests pass and an error is logged.");
    expect(events.map((event) => event.type)).toEqual(["context", "questions", "answers", "context", "generate"]);
  });

  it("sends findings back for repair and writes the repaired document", async () => {
    const vague = REQUIREMENTS_AS_WRITTEN.replace("SHALL keep every count", "SHALL quickly keep every count");
    const { result, mock } = await run([RATE_LIMITING_QUESTIONS, vague, REQUIREMENTS_AS_WRITTEN]);
    expect(await result).toMatchObject({ status: "written", repairs: 1 });
    const repair = mock.prompts()[2]?.lastUser ?? "";
    expect(repair).toContain("ears/vague-term");
    // Line numbers refer to the document as checked, with the recorded answers in it.
    const checked = RATE_LIMITING.requirements.replace("SHALL keep every count", "SHALL quickly keep every count");
    const line = checked.split("\n").findIndex((text) => text.includes("quickly")) + 1;
    expect(repair).toContain(`line ${line} [ears/vague-term`);
    const assistant = mock.calls[2]?.prompt.find((message) => message.role === "assistant");
    expect(JSON.stringify(assistant?.content)).toContain("### Clarifications");
  });

  it("saves only a draft when the document still fails after the repair rounds", async () => {
    const broken = REQUIREMENTS_AS_WRITTEN.replace("SHALL keep every count", "keeps every count");
    const { result } = await run([RATE_LIMITING_QUESTIONS, broken, broken, broken]);
    const draft = await result;
    expect(draft).toMatchObject({
      status: "draft",
      repairs: 2,
      file: ".kiro/specs/rate-limiting/requirements.md.draft",
    });
    expect(draft.problems.map((problem) => problem.rule)).toContain("ears/missing-shall");
    expect((await readdir(folder())).sort()).toEqual([".config.kiro", "requirements.md.draft"]);
  });

  it("refuses a model that returns no document and leaves no spec folder", async () => {
    const refusal = "I'm sorry, I can't help with that.";
    const { result } = await run([RATE_LIMITING_QUESTIONS, refusal, refusal, ""]);
    await expect(result).rejects.toMatchObject({ code: "no-document" });
    expect(await readdir(join(directory(), ".kiro"))).toEqual([]);
  });

  it("refuses an existing spec before calling the model, and replaces its first document with force", async () => {
    await mkdir(folder(), { recursive: true });
    await writeFile(join(folder(), "requirements.md"), "# Requirements Document\n\nold\n");
    const refused = await run([]);
    await expect(refused.result).rejects.toMatchObject({ code: "spec-exists" });
    expect(refused.mock.calls).toHaveLength(0);
    const forced = await run([RATE_LIMITING_QUESTIONS, REQUIREMENTS_AS_WRITTEN], { force: true });
    expect(await forced.result).toMatchObject({ status: "written" });
    expect(await readFile(join(folder(), "requirements.md"), "utf8")).toBe(RATE_LIMITING.requirements);
  });

  it.each([
    ["an empty prompt", { prompt: "  " }, "empty-prompt"],
    ["a name with a path separator", { name: "specs/rate-limiting" }, "invalid-spec-name"],
    ["a name with ..", { name: ".." }, "invalid-spec-name"],
  ])("refuses %s without calling the model", async (_what, override, code) => {
    const { session, mock } = await scriptedSession([]);
    await expect(
      newSpecWithModel({
        root: directory(),
        session,
        name: "rate-limiting",
        prompt: PROMPT,
        answer: async (questions) => suggestedAnswers(questions),
        ...override,
      }),
    ).rejects.toMatchObject({ code });
    expect(mock.calls).toHaveLength(0);
  });

  it("skips the answers when the model asks nothing", async () => {
    const { result } = await run(['{"questions": []}', RATE_LIMITING.requirements]);
    expect(await result).toMatchObject({ status: "written", questions: [], clarifications: [] });
  });

  it("asks again when an answer stopped at the output limit, even if the part it wrote passes check", async () => {
    const half = REQUIREMENTS_AS_WRITTEN.slice(0, REQUIREMENTS_AS_WRITTEN.indexOf("### Requirement 2"));
    const { result, mock } = await run([
      RATE_LIMITING_QUESTIONS,
      { text: half, finishReason: "length" },
      REQUIREMENTS_AS_WRITTEN,
    ]);
    expect(await result).toMatchObject({ status: "written", repairs: 1 });
    expect(mock.prompts()[2]?.lastUser).toContain("output limit");
    expect(await readFile(join(folder(), "requirements.md"), "utf8")).toBe(RATE_LIMITING.requirements);
  });
});
