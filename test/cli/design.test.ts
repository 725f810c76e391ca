import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RATE_LIMITING, writeRateLimitingRequirements, writeSpecFiles } from "../helpers/authoring-fixtures.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

describe("specwright design and plan", () => {
  const directory = useTempDirectory("specwright-design-");
  const model = useCliWithFakeModel(directory);
  const cli = model.run;
  const folder = () => join(directory(), ".kiro", "specs", "rate-limiting");
  const withRequirements = () => writeRateLimitingRequirements(directory(), RATE_LIMITING.refinedRequirements);

  it("design --yes approves the requirements on the way and writes design.md; --verbose shows the context", async () => {
    await withRequirements();
    const result = await cli(["design", "rate-limiting", "--yes", "--verbose"], [{ text: RATE_LIMITING.design }]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("wrote .kiro/specs/rate-limiting/design.md");
    expect(result.stderr).toMatch(/included\s+requirements\.md/);
    expect(result.stderr).toMatch(/included\s+repository inventory/);
    expect(await readFile(join(folder(), "design.md"), "utf8")).toBe(RATE_LIMITING.design);
    const status = jsonOf(await runCli(["approve", "rate-limiting", "design", "--json"], { cwd: directory() }));
    expect(status.ok).toBe(true);
  });

  it("design names the closest spec when the name is wrong", async () => {
    await withRequirements();
    const result = await cli(["design", "rate-limit", "--json"]);
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "unknown-spec", candidates: ["rate-limiting"] } });
  });

  it("saves a design that keeps failing as design.md.draft only, with the findings and exit 1", async () => {
    await withRequirements();
    const wrong = RATE_LIMITING.design.replace("**Validates: Requirements 4.1**", "**Validates: Requirements 9.9**");
    const result = await cli(
      ["design", "rate-limiting", "--yes", "--json"],
      [{ text: wrong }, { text: wrong }, { text: wrong }],
    );
    expect(result.code).toBe(1);
    const json = jsonOf(result);
    expect(json).toMatchObject({ ok: false, status: "draft", file: ".kiro/specs/rate-limiting/design.md.draft" });
    expect(JSON.stringify(json.problems)).toContain("9.9");
    expect((await readdir(folder())).filter((name) => name.startsWith("design"))).toEqual(["design.md.draft"]);
  });

  it("plan refuses without an approved design, and writes tasks.md with --all-required --yes", async () => {
    await writeSpecFiles(directory(), "rate-limiting", { "design.md": RATE_LIMITING.design });
    await withRequirements();
    const refused = await cli(["plan", "rate-limiting"], [{ text: RATE_LIMITING.tasks }]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("not approved");
    expect(model.server?.requests).toHaveLength(0);
    const planned = await cli(["plan", "rate-limiting", "--all-required", "--yes"]);
    expect(planned.code, planned.stderr).toBe(0);
    const tasks = await readFile(join(folder(), "tasks.md"), "utf8");
    expect(tasks).not.toContain("[ ]*");
    expect(String(model.server?.requests[0]?.rawBody)).toContain("write no optional");
    const check = await runCli(["check", "--strict", ".kiro/specs/rate-limiting"], { cwd: directory() });
    expect(check.code, check.stdout).toBe(0);
  });

  it.each(["design", "plan", "requirements", "refine", "new"])("%s --help shows examples", async (command) => {
    const result = await runCli([command, "--help"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Examples:");
    expect(result.stdout).toContain("--model");
  });

  it("tells which variable to set when no model is configured", async () => {
    await withRequirements();
    const result = await runCli(["design", "rate-limiting", "--yes"], {
      cwd: directory(),
      env: { SPECWRIGHT_MODEL: undefined, SPECWRIGHT_BASE_URL: undefined },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("SPECWRIGHT_MODEL");
    expect((await readdir(folder())).sort()).toEqual([".config.kiro", "requirements.md"]);
  });

  it("cuts a steering file larger than the context allows and says so with --verbose", async () => {
    await withRequirements();
    await writeSteering(
      directory(),
      "huge.md",
      `---\ninclusion: always\n---\n\n${"Prefer ioredis over node-redis.\n".repeat(5000)}`,
    );
    const result = await cli(["design", "rate-limiting", "--yes", "--verbose"], [{ text: RATE_LIMITING.design }]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/\.kiro\/steering\/huge\.md \(\d+ chars\): .*cut/);
    expect(String(model.server?.requests[0]?.rawBody).length).toBeLessThan(150_000);
  });
});

async function writeSteering(root: string, name: string, content: string): Promise<void> {
  await mkdir(join(root, ".kiro", "steering"), { recursive: true });
  await writeFile(join(root, ".kiro", "steering", name), content);
}
