import { execFileSync } from "node:child_process";
import { readdir, readFile, rename, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSpecDocument } from "../../src/engine/authoring/write-spec-document.js";
import { approvalsFile, writeApprovalSpec } from "../helpers/approval-workspace.js";
import { type CliResult, jsonOf, runCli } from "../helpers/run-cli.js";
import { SAMPLE_TASKS, SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

// One folder per test, holding the workspace and, beside it, the "outside" a symlink may lead to.
const directory = useTempDirectory();
const workspace = () => join(directory(), "workspace");
const outside = (name: string) => join(directory(), "outside", name);
const TASKS = ".kiro/specs/rate-limiting/tasks.md";

async function linkOut(relativePath: string, content: string): Promise<string> {
  await writeTree(directory(), { [`outside/${relativePath.split("/").at(-1)}`]: content });
  const target = outside(relativePath.split("/").at(-1) ?? "");
  await symlink(target, join(workspace(), relativePath));
  return target;
}

function expectRefusedOutside(result: CliResult, link: string): void {
  expect(result.code).toBe(1);
  const document = jsonOf(result);
  expect(document).toMatchObject({ ok: false, error: { code: "outside-workspace" } });
  expect(JSON.stringify(document)).toContain(link);
}

describe("one policy for symlinks and special files in every writing command", () => {
  it("approve refuses an approvals file symlinked out of the workspace and leaves the target alone", async () => {
    await writeApprovalSpec(workspace(), "limits", { requirements: "# R\n" });
    const target = await linkOut(approvalsFile("limits"), "{}\n");

    const result = await runCli(["approve", "limits", "--json"], { cwd: workspace() });

    expectRefusedOutside(result, ".specwright-approvals.json");
    expect(await readFile(target, "utf8")).toBe("{}\n");
  });

  it("approve writes through an approvals file symlinked to a file inside the workspace", async () => {
    await writeApprovalSpec(workspace(), "limits", { requirements: "# R\n" });
    await writeTree(workspace(), { "approvals.json": `{"schemaVersion":1,"approvals":{}}\n` });
    await symlink(join(workspace(), "approvals.json"), join(workspace(), approvalsFile("limits")));

    const result = await runCli(["approve", "limits", "--json"], { cwd: workspace() });

    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(join(workspace(), "approvals.json"), "utf8")).approvals).toHaveProperty(
      "requirements",
    );
  });

  it("mcp install refuses a .mcp.json symlinked out of the workspace and leaves the target alone", async () => {
    await writeTree(workspace(), { ".kiro/steering/": "" });
    const target = await linkOut(".mcp.json", "{}\n");

    const result = await runCli(["mcp", "install", "--client", "claude-code", "--json"], { cwd: workspace() });

    expectRefusedOutside(result, ".mcp.json");
    expect(await readFile(target, "utf8")).toBe("{}\n");
  });

  it("task refuses a tasks.md symlinked out of the workspace and leaves the target alone", async () => {
    await writeTree(workspace(), SAMPLE_WORKSPACE);
    await rename(join(workspace(), TASKS), join(directory(), "gone.md"));
    const target = await linkOut(TASKS, SAMPLE_TASKS);

    const result = await runCli(["task", "rate-limiting", "2.1", "--status", "done", "--json"], { cwd: workspace() });

    expectRefusedOutside(result, "tasks.md");
    expect(await readFile(target, "utf8")).toBe(SAMPLE_TASKS);
  });

  it("writeSpecDocument with force (new --force, MCP create_spec) refuses a tasks.md symlinked out", async () => {
    await writeTree(workspace(), SAMPLE_WORKSPACE);
    await rename(join(workspace(), TASKS), join(directory(), "gone.md"));
    const target = await linkOut(TASKS, SAMPLE_TASKS);

    await expect(
      writeSpecDocument({
        cwd: workspace(),
        spec: "rate-limiting",
        document: "tasks",
        content: SAMPLE_TASKS.replace("[ ] 2.1", "[x] 2.1"),
        force: true,
      }),
    ).rejects.toMatchObject({ code: "outside-workspace" });
    expect(await readFile(target, "utf8")).toBe(SAMPLE_TASKS);
  });

  it("new refuses to create a spec inside a .kiro/specs folder symlinked out of the workspace", async () => {
    await writeTree(directory(), { "outside/": "", "workspace/.kiro/steering/": "" });
    await symlink(join(directory(), "outside"), join(workspace(), ".kiro", "specs"));

    const result = await runCli(["new", "fresh", "--json"], { cwd: workspace() });

    expectRefusedOutside(result, "fresh");
    expect(await readdir(join(directory(), "outside"))).toEqual([]);
  });

  it("task refuses a tasks.md that is a named pipe by what it is, without blocking or calling it missing", async () => {
    await writeTree(workspace(), SAMPLE_WORKSPACE);
    await rename(join(workspace(), TASKS), join(directory(), "gone.md"));
    execFileSync("mkfifo", [join(workspace(), TASKS)]);

    const result = await runCli(["task", "rate-limiting", "2.1", "--status", "done", "--json"], { cwd: workspace() });

    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "not-a-file" } });
    expect(result.stdout).toContain("named pipe");
    for (const command of [["status"], ["check"], ["export", "rate-limiting"]]) {
      const read = await runCli([...command, "--json"], { cwd: workspace() });
      expect(read.stdout, command.join(" ")).toContain("named pipe");
    }
  });
});

describe("a tasks.md symlinked to a file inside the workspace", () => {
  async function linkInside(): Promise<string> {
    await writeTree(workspace(), SAMPLE_WORKSPACE);
    const real = join(workspace(), "plans", "tasks.md");
    await writeTree(workspace(), { "plans/tasks.md": SAMPLE_TASKS });
    await writeFile(join(workspace(), TASKS), "");
    await rename(join(workspace(), TASKS), join(directory(), "gone.md"));
    await symlink("../../../plans/tasks.md", join(workspace(), TASKS));
    return real;
  }

  it("is followed by task, which says so, and the symlink stays a symlink", async () => {
    const real = await linkInside();

    const result = await runCli(["task", "rate-limiting", "2.1", "--status", "done"], { cwd: workspace() });

    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain(".kiro/specs/rate-limiting/tasks.md is a symlink; wrote plans/tasks.md");
    expect(await readFile(real, "utf8")).toBe(SAMPLE_TASKS.replace("[ ] 2.1", "[x] 2.1"));
    expect(await readdir(join(workspace(), "plans"))).toEqual(["tasks.md"]);
  });

  it("is read by status, check and export instead of being reported missing", async () => {
    await linkInside();

    const status = jsonOf(await runCli(["status", "rate-limiting", "--json"], { cwd: workspace() }));
    expect(JSON.stringify(status)).not.toContain("missing");
    expect(JSON.stringify(status)).toMatch(/"total":\s*\d/);
    const check = await runCli(["check", "--json"], { cwd: workspace() });
    expect(check.stdout).not.toContain("unreadable");
    expect(check.stdout).not.toMatch(/tasks\.md.*missing/);
    const exported = await runCli(["export", "rate-limiting", "--json"], { cwd: workspace() });
    expect(exported.stdout).toContain("2.1");
  });
});
