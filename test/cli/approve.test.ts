import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { approvalsFile, writeApprovalSpec } from "../helpers/approval-workspace.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const directory = useTempDirectory();

describe("specwright approve", () => {
  it("approves the next document, prints every phase's state, and writes only the sidecar", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n", design: "# D\n" });
    const result = await runCli(["approve", "limits"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "limits: requirements.md approved\n  requirements.md  approved\n  design.md        unapproved\n  tasks.md         missing\nnext: Review design.md, then run `specwright approve limits design`.\n",
    );
    expect(await readFile(join(directory(), ".kiro/specs/limits/requirements.md"), "utf8")).toBe("# R\n");
    const stored = JSON.parse(await readFile(join(directory(), approvalsFile("limits")), "utf8"));
    expect(Object.keys(stored.approvals)).toEqual(["requirements"]);
  });

  it("prints one JSON document with the result and the states", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n" });
    const document = jsonOf(await runCli(["approve", "limits", "requirements", "--json"], { cwd: directory() }));
    expect(document).toMatchObject({
      ok: true,
      spec: "limits",
      phase: "requirements",
      alreadyApproved: false,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      approvals: { file: ".kiro/specs/limits/.specwright-approvals.json", phases: [{ state: "approved" }, {}, {}] },
    });
  });

  it("refuses out of order with exit 1 and the command to run; an unknown phase is a usage error", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n", design: "# D\n" });
    const refused = await runCli(["approve", "limits", "design"], { cwd: directory() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("requirements.md, which comes before it, is unapproved");
    expect(refused.stderr).toContain("specwright approve limits requirements");
    const usage = await runCli(["approve", "limits", "plan", "--json"], { cwd: directory() });
    expect(usage.code).toBe(2);
    expect(jsonOf(usage)).toMatchObject({ ok: false, error: { code: "unknown-phase" } });
  });
});

describe("specwright status with approvals", () => {
  it("shows approved, changed since approval and stale documents, in text and JSON", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n", design: "# D\n", tasks: "- [ ] 1. T\n" });
    await runCli(["approve", "limits"], { cwd: directory() });
    await runCli(["approve", "limits"], { cwd: directory() });
    const before = await runCli(["status", "limits"], { cwd: directory() });
    expect(before.stdout).toContain("limits  [feature] requirements (approved) → design (approved) → tasks\n");

    await writeFile(join(directory(), ".kiro/specs/limits/requirements.md"), "# R\n\nAdmins are exempt.\n");
    const after = await runCli(["status", "limits"], { cwd: directory() });
    expect(after.stdout).toContain("requirements (changed since approval) → design (stale) → tasks\n");
    expect(after.stdout).toContain(
      "review: requirements.md is changed since approval; review it, then `specwright approve limits requirements`\n",
    );
    const document = jsonOf(await runCli(["status", "limits", "--json"], { cwd: directory() }));
    const [spec] = document.specs as Array<{ approvals: Array<{ phase: string; state: string }> }>;
    expect(spec?.approvals.map((approval) => [approval.phase, approval.state])).toEqual([
      ["requirements", "changed-since-approval"],
      ["design", "stale"],
      ["tasks", "unapproved"],
    ]);
  });

  it("without any approval, lists every phase in workflow order as unapproved or missing", async () => {
    await writeApprovalSpec(directory(), "plain", { requirements: "# R\n", tasks: "- [ ] 1. T\n" });
    await writeApprovalSpec(directory(), "search", { design: "# D\n" }, { workflowType: "design-first" });
    const env = { SPECWRIGHT_CACHE_DIR: join(directory(), "cache") };
    const states = async () => {
      const specs = jsonOf(await runCli(["status", "--json"], { cwd: directory(), env })).specs as Array<{
        approvals: Array<{ phase: string; state: string }>;
      }>;
      return specs.map((spec) => spec.approvals.map((approval) => `${approval.phase}:${approval.state}`));
    };
    const expected = [
      ["requirements:unapproved", "design:missing", "tasks:unapproved"],
      ["design:unapproved", "requirements:missing", "tasks:missing"],
    ];
    expect(await states()).toEqual(expected);
    // The second run takes the order from the cache and the states from the listing; a new document shows.
    expect(await states()).toEqual(expected);
    await writeFile(join(directory(), ".kiro", "specs", "search", "tasks.md"), "- [ ] 1. T\n");
    expect((await states())[1]).toEqual(["design:unapproved", "requirements:missing", "tasks:unapproved"]);
  });

  it("reuses approval states while the documents and the approvals file are unchanged", async () => {
    const { readdir } = await import("node:fs/promises");
    const cache = join(directory(), "cache");
    const workspace = join(directory(), "repo");
    const env = { SPECWRIGHT_CACHE_DIR: cache };
    await writeApprovalSpec(workspace, "limits", { requirements: "# R\n", design: "# D\n" });
    await runCli(["approve", "limits"], { cwd: workspace, env });
    await runCli(["status", "--json"], { cwd: workspace, env });
    const [file] = await readdir(cache);
    const path = join(cache, file ?? "");
    const stored = JSON.parse(await readFile(path, "utf8")) as {
      entries: Record<string, { approvals?: Array<{ state: string }> }>;
    };
    const planted = stored.entries["limits\u0000approvals"]?.approvals?.[0];
    if (planted) planted.state = "stale";
    await writeFile(path, JSON.stringify(stored));
    const firstState = async () => {
      const specs = jsonOf(await runCli(["status", "limits", "--json"], { cwd: workspace, env })).specs;
      return (specs as Array<{ approvals: Array<{ state: string }> }>)[0]?.approvals[0]?.state;
    };
    expect(await firstState()).toBe("stale");
    await runCli(["approve", "limits"], { cwd: workspace, env });
    expect(await firstState()).toBe("approved");
  });

  it("reports a damaged approvals file as a problem and still shows progress", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n", tasks: "- [x] 1. T\n" });
    await writeFile(join(directory(), approvalsFile("limits")), "[]");
    const result = await runCli(["status", "limits", "--json"], { cwd: directory() });
    expect(result.code).toBe(0);
    const [spec] = jsonOf(result).specs as Array<Record<string, unknown>>;
    expect(spec?.approvals).toBeUndefined();
    expect(spec?.progress).toMatchObject({ required: { done: 1, total: 1 } });
    expect(spec?.problems).toEqual([
      expect.objectContaining({ code: "approvals-unreadable", path: approvalsFile("limits") }),
    ]);
  });

  it("check does not report the approvals file", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n" });
    await runCli(["approve", "limits"], { cwd: directory() });
    const check = jsonOf(await runCli(["check", "--json"], { cwd: directory() }));
    expect(JSON.stringify(check)).not.toContain(".specwright-approvals.json");
  });
});
