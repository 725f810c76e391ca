import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { approvePhase } from "../../../src/engine/approvals/approve-phase.js";
import { getApprovals } from "../../../src/engine/approvals/get-approvals.js";
import { requireApproved } from "../../../src/engine/approvals/require-approved.js";
import { resetApproval } from "../../../src/engine/approvals/reset-approval.js";
import { approvalsFile, writeApprovalSpec } from "../../helpers/approval-workspace.js";
import { runNode } from "../../helpers/child-process.js";
import { rejectionOf } from "../../helpers/engine-error.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

const directory = useTempDirectory();

async function statesOf(spec: string): Promise<Record<string, string>> {
  const approvals = await getApprovals({ root: directory(), spec });
  return Object.fromEntries(approvals.phases.map((phase) => [phase.phase, phase.state]));
}

describe("approvePhase", () => {
  it("approves the next phase in order, records its hash, and is idempotent", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n", design: "# D\n" });
    const first = await approvePhase({ root: directory(), spec: "limits" });
    expect(first).toMatchObject({ spec: "limits", phase: "requirements", alreadyApproved: false });
    const second = await approvePhase({ root: directory(), spec: "limits" });
    expect(second.phase).toBe("design");
    expect(await statesOf("limits")).toEqual({ requirements: "approved", design: "approved", tasks: "missing" });

    const stored = JSON.parse(await readFile(join(directory(), approvalsFile("limits")), "utf8"));
    expect(stored).toEqual({
      schemaVersion: 1,
      approvals: {
        // Outside git the approved text is kept as a content-addressed copy.
        requirements: {
          sha256: first.sha256,
          approvedAt: first.approvedAt,
          copy: `.kiro/specwright/approved/${first.sha256}.md`,
        },
        design: {
          sha256: second.sha256,
          approvedAt: second.approvedAt,
          copy: `.kiro/specwright/approved/${second.sha256}.md`,
        },
      },
    });
    expect(await readFile(join(directory(), stored.approvals.requirements.copy), "utf8")).toBe(
      await readFile(join(directory(), ".kiro/specs/limits/requirements.md"), "utf8"),
    );
    const again = await approvePhase({ root: directory(), spec: "limits", phase: "design" });
    expect(again).toMatchObject({ alreadyApproved: true, approvedAt: second.approvedAt });
  });

  it("refuses a missing document and a phase whose predecessor is not approved, with the command to run", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n", design: "# D\n" });
    const early = await rejectionOf(approvePhase({ root: directory(), spec: "limits", phase: "design" }));
    expect(early).toMatchObject({ code: "earlier-phase-not-approved", kind: "refused" });
    expect(early.fix).toContain("specwright approve limits requirements");

    await approvePhase({ root: directory(), spec: "limits" });
    await approvePhase({ root: directory(), spec: "limits" });
    const missing = await rejectionOf(approvePhase({ root: directory(), spec: "limits" }));
    expect(missing).toMatchObject({ code: "document-missing" });
    expect(missing.fix).toContain("specwright plan limits");
  });

  it("refuses a phase the spec does not have, and an unknown spec with the closest names", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n" });
    expect(await rejectionOf(approvePhase({ root: directory(), spec: "limits", phase: "bugfix" }))).toMatchObject({
      code: "unknown-phase",
      kind: "usage",
      candidates: ["requirements", "design", "tasks"],
    });
    expect(await rejectionOf(approvePhase({ root: directory(), spec: "limit" }))).toMatchObject({
      code: "unknown-spec",
      candidates: ["limits"],
    });
  });

  it("follows design-first and bugfix orders", async () => {
    await writeApprovalSpec(
      directory(),
      "search",
      { requirements: "# R\n", design: "# D\n" },
      { workflowType: "design-first" },
    );
    expect((await approvePhase({ root: directory(), spec: "search" })).phase).toBe("design");
    await writeApprovalSpec(directory(), "crash", { bugfix: "# B\n", design: "# D\n" });
    expect((await approvePhase({ root: directory(), spec: "crash" })).phase).toBe("bugfix");
    expect(await statesOf("crash")).toEqual({ bugfix: "approved", design: "unapproved", tasks: "missing" });
  });

  it("refuses to overwrite a damaged approvals file", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n" });
    await writeFile(join(directory(), approvalsFile("limits")), "{ not json");
    expect(await rejectionOf(approvePhase({ root: directory(), spec: "limits" }))).toMatchObject({
      code: "approvals-unreadable",
    });
    expect(await readFile(join(directory(), approvalsFile("limits")), "utf8")).toBe("{ not json");
  });
});

describe("edits after approval", () => {
  it("shows the edited document as changed since approval and the later ones as stale until approved again", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n", design: "# D\n", tasks: "- [ ] 1. T\n" });
    for (let step = 0; step < 3; step++) await approvePhase({ root: directory(), spec: "limits" });
    await writeFile(join(directory(), ".kiro/specs/limits/requirements.md"), "# R\n\nAdmins are exempt.\n");
    expect(await statesOf("limits")).toEqual({
      requirements: "changed-since-approval",
      design: "stale",
      tasks: "stale",
    });
    await approvePhase({ root: directory(), spec: "limits", phase: "requirements" });
    expect(await statesOf("limits")).toEqual({ requirements: "approved", design: "stale", tasks: "stale" });
    await approvePhase({ root: directory(), spec: "limits", phase: "design" });
    expect(await statesOf("limits")).toEqual({ requirements: "approved", design: "approved", tasks: "stale" });
  });
});

describe("resetApproval", () => {
  it("forgets one phase; the phases after it turn stale", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n", design: "# D\n" });
    await approvePhase({ root: directory(), spec: "limits" });
    await approvePhase({ root: directory(), spec: "limits" });
    await resetApproval({ root: directory(), spec: "limits", phase: "requirements" });
    expect(await statesOf("limits")).toEqual({ requirements: "unapproved", design: "stale", tasks: "missing" });
  });

  it("writes nothing when there is nothing to forget", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n" });
    await resetApproval({ root: directory(), spec: "limits", phase: "design" });
    await expect(readFile(join(directory(), approvalsFile("limits")))).rejects.toThrow(/ENOENT/);
  });
});

describe("requireApproved", () => {
  it("throws not-approved with the approve command, and approves every pending phase with approveOnTheWay", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n", design: "# D\n" });
    const refusal = await rejectionOf(requireApproved({ root: directory(), spec: "limits", phase: "design" }));
    expect(refusal).toMatchObject({ code: "not-approved" });
    expect(refusal.fix).toContain("specwright approve limits requirements");

    await requireApproved({ root: directory(), spec: "limits", phase: "design", approveOnTheWay: true });
    expect(await statesOf("limits")).toEqual({ requirements: "approved", design: "approved", tasks: "missing" });
    await expect(requireApproved({ root: directory(), spec: "limits", phase: "design" })).resolves.toBeUndefined();
  });

  it("refuses even with approveOnTheWay when a document is missing", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n" });
    const refusal = await rejectionOf(
      requireApproved({ root: directory(), spec: "limits", phase: "design", approveOnTheWay: true }),
    );
    expect(refusal.code).toBe("document-missing");
    expect(await statesOf("limits")).toMatchObject({ requirements: "approved", design: "missing" });
  });
});

describe("concurrent writers", () => {
  const library = fileURLToPath(new URL("../../../dist/index.js", import.meta.url));

  it("lose no update: a reset and a re-approval in two processes both land", async () => {
    await writeApprovalSpec(directory(), "limits", { requirements: "# R\n", design: "# D\n", tasks: "- [ ] 1. T\n" });
    for (let step = 0; step < 3; step++) await approvePhase({ root: directory(), spec: "limits" });
    await writeFile(join(directory(), ".kiro/specs/limits/requirements.md"), "# R, edited\n");
    const script = (call: string) => `const lib = await import(${JSON.stringify(library)}); await lib.${call};`;
    const root = JSON.stringify(directory());
    const results = await Promise.all([
      runNode([
        "--input-type=module",
        "-e",
        script(`resetApproval({ root: ${root}, spec: "limits", phase: "tasks" })`),
      ]),
      runNode([
        "--input-type=module",
        "-e",
        script(`approvePhase({ root: ${root}, spec: "limits", phase: "requirements" })`),
      ]),
    ]);
    expect(results.map((result) => [result.code, result.stderr])).toEqual([
      [0, ""],
      [0, ""],
    ]);
    const approvals = await getApprovals({ root: directory(), spec: "limits" });
    expect(approvals.phases.map((phase) => [phase.phase, phase.state])).toEqual([
      ["requirements", "approved"],
      ["design", "stale"],
      ["tasks", "unapproved"],
    ]);
  });
});
