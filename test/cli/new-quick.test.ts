import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RATE_LIMITING } from "../helpers/authoring-fixtures.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const PROMPT = "100 requests per minute per user, 429 with Retry-After";

describe("specwright new --quick", () => {
  const directory = useTempDirectory("specwright-quick-");
  const model = useCliWithFakeModel(directory);
  const folder = () => join(directory(), ".kiro", "specs", "rate-limiting");

  it("writes requirements, design and tasks in one pass, each checked, and approves all three", async () => {
    const result = await model.run(
      ["new", "rate-limiting", PROMPT, "--quick", "--no-questions", "--json"],
      [{ text: RATE_LIMITING.refinedRequirements }, { text: RATE_LIMITING.design }, { text: RATE_LIMITING.tasks }],
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const json = jsonOf(result) as {
      ok: boolean;
      quick: { documents: { document: string; status: string }[]; approved: string[] };
    };
    expect(json.ok).toBe(true);
    expect(json.quick.documents.map((document) => [document.document, document.status])).toEqual([
      ["design", "written"],
      ["tasks", "written"],
    ]);
    expect(json.quick.approved).toEqual(["requirements", "design", "tasks"]);
    expect(await readFile(join(folder(), "design.md"), "utf8")).toBe(RATE_LIMITING.design);
    expect(model.server?.requests).toHaveLength(3);
    // The design call was given the requirements just written.
    expect(JSON.stringify(model.server?.requests[1]?.body?.messages)).toContain("Retry-After");
    const status = jsonOf(await runCli(["status", "rate-limiting", "--json"], { cwd: directory() }));
    const approvals = JSON.stringify(status);
    expect(approvals).not.toContain('"unapproved"');
    expect((approvals.match(/"state":"approved"/g) ?? []).length).toBe(3);
  });

  it("stops at a design that stays a draft: tasks are not written and the design is not approved", async () => {
    const wrong = RATE_LIMITING.design.replace("**Validates: Requirements 4.1**", "**Validates: Requirements 9.9**");
    const result = await model.run(
      ["new", "rate-limiting", PROMPT, "--quick", "--no-questions", "--json"],
      [{ text: RATE_LIMITING.refinedRequirements }, { text: wrong }, { text: wrong }, { text: wrong }],
    );
    expect(result.code).toBe(1);
    const json = jsonOf(result) as { ok: boolean; quick: { documents: { status: string }[]; approved: string[] } };
    expect(json.ok).toBe(false);
    expect(json.quick.documents.map((document) => document.status)).toEqual(["draft"]);
    expect(json.quick.approved).toEqual(["requirements"]);
    await expect(readFile(join(folder(), "tasks.md"), "utf8")).rejects.toThrow();
  });
});
