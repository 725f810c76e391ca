import { describe, expect, it } from "vitest";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

describe("specwright list", () => {
  const directory = useTempDirectory();

  it("lists specs with their type and documents, from a sub-folder of the workspace", async () => {
    await writeTree(directory(), { ...SAMPLE_WORKSPACE, "src/app/": "" });
    const result = await runCli(["list", "--json"], { cwd: `${directory()}/src/app` });
    expect(result.code).toBe(0);
    const document = jsonOf(result);
    expect(document.ok).toBe(true);
    expect(document.specs).toMatchObject([
      { name: "double-save", type: "bugfix", documents: { bugfix: true, requirements: false, tasks: false } },
      {
        name: "rate-limiting",
        type: "feature",
        path: ".kiro/specs/rate-limiting",
        documents: { requirements: true, design: true, tasks: true, config: true },
      },
    ]);
  });

  it("prints a readable table without colour when NO_COLOR is set", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const result = await runCli(["list"], { cwd: directory(), env: { NO_COLOR: "1", FORCE_COLOR: "1" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/rate-limiting\s+feature\s+requirements, design, tasks/);
    expect(result.stdout).toMatch(/double-save\s+bugfix\s+bugfix/);
    expect(result.stdout).not.toContain("\u001b[");
  });

  it("uses colour when forced and NO_COLOR is absent", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const result = await runCli(["list"], { cwd: directory(), env: { FORCE_COLOR: "1" } });
    expect(result.stdout).toContain("\u001b[");
  });

  it("refuses a folder without .kiro/ with a fix, as JSON when asked", async () => {
    const result = await runCli(["list", "--json"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "no-kiro-root" } });
  });
});

describe("specwright status", () => {
  const directory = useTempDirectory();

  it("counts required and optional tasks apart, with in-progress and queued", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const result = await runCli(["status", "rate-limiting", "--json"], { cwd: directory() });
    expect(result.code).toBe(0);
    const [spec] = jsonOf(result).specs as Array<Record<string, unknown>>;
    expect(spec).toMatchObject({
      name: "rate-limiting",
      phases: ["requirements", "design", "tasks"],
      progress: {
        required: { total: 6, done: 2, inProgress: 1, queued: 1, todo: 2 },
        optional: { total: 1, done: 0, todo: 1 },
      },
    });
  });

  it("prints plain text off a terminal, with no progress bar", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const result = await runCli(["status"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("required 2/6 done (1 in progress, 1 queued); optional 0/1 done");
    expect(result.stdout).toMatch(/double-save\s+\[bugfix\] bugfix/);
    expect(result.stdout).not.toContain("█");
  });

  it("agrees with list on a bugfix spec whose type only .config.kiro gives", async () => {
    await writeTree(directory(), {
      ".kiro/specs/late-fix/tasks.md": "- [ ] 1. Fix\n",
      ".kiro/specs/late-fix/.config.kiro":
        '{"specId": "x", "workflowType": "requirements-first", "specType": "bugfix"}',
    });
    const status = jsonOf(await runCli(["status", "--json"], { cwd: directory() }));
    const list = jsonOf(await runCli(["list", "--json"], { cwd: directory() }));
    expect(status.specs).toMatchObject([{ name: "late-fix", type: "bugfix" }]);
    expect(list.specs).toMatchObject([{ name: "late-fix", type: "bugfix" }]);
  });

  it("names the closest spec when the name is wrong", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const result = await runCli(["status", "rate-limit"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no spec "rate-limit". Did you mean rate-limiting?');
    expect(result.stderr).toContain("fix:");
  });

  it("reports an unreadable tasks.md and still shows the other specs", async () => {
    await writeTree(directory(), {
      ...SAMPLE_WORKSPACE,
      ".kiro/specs/broken/tasks.md": new Uint8Array([0x2d, 0x20, 0x5b, 0x00, 0x5d, 0xff]),
    });
    const result = await runCli(["status", "--json"], { cwd: directory() });
    expect(result.code).toBe(0);
    const specs = jsonOf(result).specs as Array<{ name: string; problems: Array<{ code: string }> }>;
    expect(specs.map((spec) => spec.name)).toEqual(["broken", "double-save", "rate-limiting"]);
    expect(specs[0]?.problems[0]).toMatchObject({ code: "binary-file", path: ".kiro/specs/broken/tasks.md" });
  });
});

describe("specwright status cache", () => {
  const directory = useTempDirectory();

  it("reuses counts of an unchanged tasks.md and reads a changed one again", async () => {
    const { readdir, readFile, writeFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const cache = join(directory(), "cache");
    const env = { SPECWRIGHT_CACHE_DIR: cache };
    const workspace = join(directory(), "repo");
    await writeTree(workspace, SAMPLE_WORKSPACE);
    await runCli(["status", "--json"], { cwd: workspace, env });
    const [file] = await readdir(cache);
    const path = join(cache, file ?? "");
    const stored = JSON.parse(await readFile(path, "utf8")) as {
      entries: Record<string, { progress: { required: { total: number } } }>;
    };
    const entry = stored.entries["rate-limiting"];
    if (entry) entry.progress.required.total = 999;
    await writeFile(path, JSON.stringify(stored));
    const totalOf = async (args: string[]) => {
      const specs = jsonOf(await runCli(["status", "rate-limiting", "--json", ...args], { cwd: workspace, env })).specs;
      return (specs as Array<{ progress: { required: { total: number } } }>)[0]?.progress.required.total;
    };
    expect(await totalOf([])).toBe(999);
    expect(await totalOf(["--no-cache"])).toBe(6);
    await writeTree(workspace, { ".kiro/specs/rate-limiting/tasks.md": "- [ ] 1. Only one\n" });
    expect(await totalOf([])).toBe(1);
  });
});
