import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RATE_LIMITING, writeRateLimitingRequirements } from "../helpers/authoring-fixtures.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

describe("specwright refine", () => {
  const directory = useTempDirectory("specwright-refine-");
  const model = useCliWithFakeModel(directory);
  const cli = model.run;
  const file = () => join(directory(), ".kiro", "specs", "rate-limiting", "requirements.md");
  const setUp = () => writeRateLimitingRequirements(directory(), RATE_LIMITING.requirements);

  it("shows the diff and leaves the file alone without --yes and without a terminal", async () => {
    await setUp();
    const result = await cli(
      ["refine", "rate-limiting", "requirements", "admin users are exempt"],
      [{ text: RATE_LIMITING.refinedRequirements }],
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("--- a/requirements.md");
    expect(result.stdout).toContain("+### Requirement 4: Exempt administrators");
    expect(result.stdout).toContain("not applied");
    expect(await readFile(file(), "utf8")).toBe(RATE_LIMITING.requirements);
  });

  it("applies with --yes, resets the approval, and reports the diff as JSON", async () => {
    await setUp();
    expect((await runCli(["approve", "rate-limiting", "requirements"], { cwd: directory() })).code).toBe(0);
    const result = await cli(
      ["refine", "rate-limiting", "requirements", "admin users are exempt", "--yes", "--json"],
      [{ text: RATE_LIMITING.refinedRequirements }],
    );
    expect(result.code, result.stderr).toBe(0);
    const json = jsonOf(result);
    expect(json).toMatchObject({ ok: true, applied: true, file: ".kiro/specs/rate-limiting/requirements.md" });
    expect(String(json.diff)).toContain("+### Requirement 4: Exempt administrators");
    expect(await readFile(file(), "utf8")).toBe(RATE_LIMITING.refinedRequirements);
    const design = await runCli(["design", "rate-limiting", "--json"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(jsonOf(design)).toMatchObject({ ok: false, error: { code: "not-approved" } });
  });

  it("refuses an unknown document and an empty instruction as usage errors, calling no model", async () => {
    await setUp();
    const unknown = await cli(["refine", "rate-limiting", "readme", "x", "--json"]);
    expect(unknown.code).toBe(2);
    expect(jsonOf(unknown)).toMatchObject({ ok: false, error: { code: "unknown-document" } });
    const empty = await cli(["refine", "rate-limiting", "requirements", " ", "--json"]);
    expect(empty.code).toBe(2);
    expect(jsonOf(empty)).toMatchObject({ ok: false, error: { code: "empty-instruction" } });
    expect(model.server?.requests).toHaveLength(0);
  });
});
