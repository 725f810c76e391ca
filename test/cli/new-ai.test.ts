import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RATE_LIMITING } from "../helpers/authoring-fixtures.js";
import { RATE_LIMITING_QUESTIONS } from "../helpers/authoring-session.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { SAMPLE_BUGFIX } from "../helpers/sample-specs.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const PROMPT = "Rate limiting for our Express API: 100 requests per minute per user, HTTP 429 with Retry-After";

describe("specwright new <name> <prompt>", () => {
  const directory = useTempDirectory("specwright-new-ai-");
  const model = useCliWithFakeModel(directory);
  const cli = model.run;
  const specFolder = () => join(directory(), ".kiro", "specs", "rate-limiting");

  it("takes the suggested answers with --yes and prints one JSON document", async () => {
    const result = await cli(
      ["new", "rate-limiting", PROMPT, "--yes", "--json"],
      [{ text: RATE_LIMITING_QUESTIONS }, { text: RATE_LIMITING.requirements }],
    );
    expect(result.code, result.stderr).toBe(0);
    const json = jsonOf(result);
    expect(json).toMatchObject({ ok: true, status: "written", type: "feature", createdWorkspace: true });
    expect(json.clarifications).toHaveLength(3);
    expect(json.usage).toMatchObject({ calls: 2 });
    expect(await readFile(join(specFolder(), "requirements.md"), "utf8")).toBe(RATE_LIMITING.requirements);
    // The questions were asked in JSON mode.
    expect(model.server?.requests[0]?.body?.response_format).toMatchObject({ type: "json_object" });
  });

  it("refuses without a terminal, --answers or --yes before calling the model", async () => {
    const result = await cli(["new", "rate-limiting", PROMPT], [{ text: RATE_LIMITING_QUESTIONS }]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--answers");
    expect(model.server?.requests).toHaveLength(0);
    expect(await readdir(directory())).toEqual([]);
  });

  it("without a model configured, says what to set first, even where the questions could not be answered", async () => {
    const result = await runCli(["new", "rate-limiting", PROMPT, "--json"], {
      cwd: directory(),
      env: { SPECWRIGHT_MODEL: "", SPECWRIGHT_BASE_URL: "" },
    });
    expect(result.code).toBe(2);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "no-model" } });
    expect(String((jsonOf(result).error as { fix: string }).fix)).toContain("SPECWRIGHT_MODEL=");
    expect(await readdir(directory())).toEqual([]);
  });

  it("refuses an answers file that leaves a question open, naming it, and writes nothing", async () => {
    await writeFile(join(directory(), "answers.yaml"), "per-route-limits: yes\n");
    const result = await cli(
      ["new", "rate-limiting", PROMPT, "--answers", "answers.yaml", "--json"],
      [{ text: RATE_LIMITING_QUESTIONS }],
    );
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "unanswered-questions" } });
    expect(String((jsonOf(result).error as { fix: string }).fix)).toContain("redis-down");
    expect(await readdir(join(directory(), ".kiro")).catch(() => [])).not.toContain("specs");
  });

  it.each([
    ["an empty prompt", ["new", "rate-limiting", "  "], "empty-prompt", 2],
    ["a name with a path separator", ["new", "specs/rate-limiting", PROMPT, "--yes"], "invalid-spec-name", 2],
    ["a name with ..", ["new", "..", PROMPT, "--yes"], "invalid-spec-name", 2],
    ["--yes without a prompt", ["new", "rate-limiting", "--yes"], "option-needs-prompt", 2],
  ])("refuses %s with a clear message and no model call", async (_what, args, code, exit) => {
    const result = await cli([...args, "--json"]);
    expect(result.code).toBe(exit);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code } });
    expect(model.server?.requests).toHaveLength(0);
  });

  it("refuses an existing spec unless --force", async () => {
    await mkdir(specFolder(), { recursive: true });
    await writeFile(join(specFolder(), "requirements.md"), "# Requirements Document\n\nmine\n");
    const refused = await cli(["new", "rate-limiting", PROMPT, "--yes"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("already exists");
    expect(refused.stderr).toContain("--force");
    expect(model.server?.requests).toHaveLength(0);
    model.server?.push({ text: '{"questions": []}' }, { text: RATE_LIMITING.requirements });
    const forced = await cli(["new", "rate-limiting", PROMPT, "--yes", "--force"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(join(specFolder(), "requirements.md"), "utf8")).toBe(RATE_LIMITING.requirements);
  });

  it("says clearly when the model returns nothing or refuses, and leaves no spec behind", async () => {
    const result = await cli(
      ["new", "rate-limiting", PROMPT, "--yes"],
      [{ text: '{"questions": []}' }, { text: "" }, { text: "I cannot write that." }, { text: "Sorry." }],
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("did not write requirements.md");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(join(directory(), ".kiro"))).not.toContain("specs");
  });

  it("saves only a draft, with the diagnostics, when the document keeps failing check", async () => {
    const broken = RATE_LIMITING.requirements.replace("SHALL keep every count", "keeps every count");
    const result = await cli(
      ["new", "rate-limiting", PROMPT, "--yes"],
      [{ text: '{"questions": []}' }, { text: broken }, { text: broken }, { text: broken }],
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("draft only");
    expect(result.stdout).toContain("ears/missing-shall");
    expect((await readdir(specFolder())).sort()).toEqual([".config.kiro", "requirements.md.draft"]);
  });

  it("survives a 429 with Retry-After and invalid JSON for the questions", async () => {
    const result = await cli(
      ["new", "rate-limiting", PROMPT, "--yes"],
      [
        { status: 429, headers: { "retry-after": "0" }, body: '{"error": {"message": "slow down"}}' },
        { text: "Here are my questions: {questions: [" },
        { text: RATE_LIMITING_QUESTIONS },
        { text: RATE_LIMITING.requirements },
      ],
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("retrying");
    expect(await readFile(join(specFolder(), "requirements.md"), "utf8")).toBe(RATE_LIMITING.requirements);
  });

  it("writes bugfix.md with --type bugfix", async () => {
    const result = await cli(
      ["new", "double-save", "saving twice loses the first save", "--type", "bugfix", "--yes"],
      [
        {
          text: '{"questions": [{"id": "scope", "question": "Only the editor?", "suggestedAnswer": "Yes, only the editor."}]}',
        },
        { text: SAMPLE_BUGFIX },
      ],
    );
    expect(result.code, result.stderr).toBe(0);
    const folder = join(directory(), ".kiro", "specs", "double-save");
    expect(await readFile(join(folder, "bugfix.md"), "utf8")).toContain("- **Only the editor?** Yes, only the editor.");
    expect(JSON.parse(await readFile(join(folder, ".config.kiro"), "utf8"))).toMatchObject({ specType: "bugfix" });
    const check = await runCli(["check", "--strict", ".kiro/specs/double-save"], { cwd: directory() });
    expect(check.code, check.stdout).toBe(0);
  });

  it("writes design.md first in a design-first spec", async () => {
    const result = await cli(
      ["new", "rate-limiting", PROMPT, "--workflow", "design-first", "--yes"],
      [{ text: '{"questions": []}' }, { text: RATE_LIMITING.design }],
    );
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(specFolder())).sort()).toEqual([".config.kiro", "design.md"]);
    expect(JSON.parse(await readFile(join(specFolder(), ".config.kiro"), "utf8"))).toMatchObject({
      workflowType: "design-first",
    });
  });
});
