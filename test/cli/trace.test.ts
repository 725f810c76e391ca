import { describe, expect, it } from "vitest";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { SAMPLE_TASKS, SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const TASKS = ".kiro/specs/rate-limiting/tasks.md";
/** Criterion 2.1 loses its task: it must come first, as uncovered. */
const GAP = { ...SAMPLE_WORKSPACE, [TASKS]: SAMPLE_TASKS.replace("_Requirements: 2.1_", "_Requirements: 1.1_") };

describe("specwright trace", () => {
  const directory = useTempDirectory();

  it("maps each criterion to its tasks with status and to its design properties, uncovered first", async () => {
    await writeTree(directory(), GAP);
    const result = await runCli(["trace", "rate-limiting", "--json"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(jsonOf(result)).toMatchObject({
      ok: true,
      spec: "rate-limiting",
      rows: [
        { criterion: "2.1", tasks: [], properties: [] },
        {
          criterion: "1.1",
          tasks: [
            { id: "1.1", status: "done" },
            { id: "1.2", status: "todo" },
            { id: "2.1", status: "todo" },
          ],
          properties: [{ number: "1", title: "Counting is exact" }],
        },
        { criterion: "1.2", tasks: [{ id: "1.2" }, { id: "2.2", status: "queued" }], properties: [{ number: "1" }] },
      ],
      summary: { criteria: 3, covered: 2, uncovered: 1, done: 0 },
    });
  });

  it("says the requirements could not be read instead of 0/0 covered", async () => {
    const unread = {
      ...SAMPLE_WORKSPACE,
      ".kiro/specs/rate-limiting/requirements.md":
        "# Requirements\n\n## Rate limits\n\nClients get 100 requests a minute.\n",
    };
    await writeTree(directory(), unread);
    const text = await runCli(["trace", "rate-limiting"], { cwd: directory() });
    expect(text.stdout).toContain(
      "requirements.md: no criteria read — see info structure/no-requirements on line 1: No requirement headings were found",
    );
    expect(text.stdout).not.toContain("0/0");
    const json = jsonOf(await runCli(["trace", "rate-limiting", "--json"], { cwd: directory() }));
    expect(json).toMatchObject({ summary: { criteria: 0 }, unread: expect.stringContaining("no criteria read") });
  });

  it("prints a Markdown table for a pull request", async () => {
    await writeTree(directory(), GAP);
    const result = await runCli(["trace", "rate-limiting", "--markdown"], { cwd: directory() });
    expect(result.stdout).toContain("| Criterion | Tasks | Properties | Text |");
    expect(result.stdout).toContain("| 2.1 | **uncovered** | – | IF a client exceeds 100 requests in a minute, THEN");
    expect(result.stdout).toContain("| 1.2 | [ ]* 1.2, [~] 2.2 | P1 |".replace("[ ]* ", "[ ] "));
    expect(result.stdout).toContain("2/3 criteria covered by tasks, 0 fully done, 1 uncovered");
  });

  it("prints plain text off a terminal and refuses an unknown spec", async () => {
    await writeTree(directory(), GAP);
    const text = await runCli(["trace", "rate-limiting"], { cwd: directory() });
    expect(text.stdout.split("\n")[0]).toMatch(/^2\.1\s+uncovered$/);
    const unknown = await runCli(["trace", "rate-limits", "--json"], { cwd: directory() });
    expect(unknown.code).toBe(1);
    expect(jsonOf(unknown)).toMatchObject({
      ok: false,
      error: { code: "unknown-spec", candidates: ["rate-limiting"] },
    });
  });
});
