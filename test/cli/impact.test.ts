import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createShopRepository,
  editShopDocument,
  withFreeShipping,
  withGiftWrapBeforeReceipt,
} from "../helpers/living-spec.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const directory = useTempDirectory();

describe("specwright impact", () => {
  it("keeps the approved text as a git blob with the commit it was approved at", async () => {
    await createShopRepository(directory());
    const { git } = await import("../helpers/git-repository.js");
    const record = JSON.parse(
      await (await import("node:fs/promises")).readFile(
        `${directory()}/.kiro/specs/checkout/.specwright-approvals.json`,
        "utf8",
      ),
    );
    const head = (await git(directory(), "rev-parse", "HEAD")).trim();
    expect(record.schemaVersion).toBe(1);
    expect(record.approvals.requirements).toMatchObject({
      commit: head,
      dirty: false,
      blob: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    const stored = await git(directory(), "cat-file", "blob", record.approvals.requirements.blob);
    expect(stored).toContain("### Requirement 3: Receipt");
  });

  it("free shipping: the added criterion, its design section, and the files the related done task changed", async () => {
    await createShopRepository(directory());
    const unchanged = await runCli(["impact", "checkout"], { cwd: directory() });
    expect(unchanged.stdout).toContain("checkout: no change since approval");
    await editShopDocument(directory(), "requirements.md", withFreeShipping);
    const document = jsonOf(await runCli(["impact", "checkout", "--json"], { cwd: directory() }));
    expect(document).toMatchObject({
      ok: true,
      spec: "checkout",
      summary: "1 criterion added",
      analysis: {
        criteria: [{ kind: "added", newId: "2.2", designSections: ["Components and Interfaces > Shipping"] }],
      },
      codeFiles: [{ taskId: "2", files: ["src/shipping.js", "test/shipping.test.js"] }],
    });
    const text = await runCli(["impact", "checkout"], { cwd: directory() });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("added 2.2: WHEN an order's total is over $100");
    expect(text.stdout).toContain("changed: src/shipping.js, test/shipping.test.js");
  });

  it("renumbered requirement: the done task stays matched, its reference is reported stale", async () => {
    await createShopRepository(directory());
    await editShopDocument(directory(), "requirements.md", withGiftWrapBeforeReceipt);
    const text = await runCli(["impact", "checkout"], { cwd: directory() });
    expect(text.stdout).toContain("renumbered 3.1 → 4.1");
    expect(text.stdout).toContain("task 3 references 3.1, now 4.1 (same text)");
    expect(text.stdout).not.toContain("verified against an older version");
  });

  it("a reworded criterion: done task flagged, with the files it changed; status shows the one-line summary", async () => {
    await createShopRepository(directory());
    await editShopDocument(directory(), "requirements.md", (text) => text.replace("$5 shipping", "$7 shipping"));
    const text = await runCli(["impact", "checkout"], { cwd: directory() });
    expect(text.stdout).toContain("verified against an older version of 2.1");
    expect(text.stdout).toContain("changed: src/shipping.js, test/shipping.test.js");
    const status = await runCli(["status", "checkout"], { cwd: directory() });
    expect(status.stdout).toContain("impact: 1 reworded, 1 done task to re-verify");
  });
});

describe("specwright check with approved texts", () => {
  it("warns about the done task to re-verify after a criterion changed, and not once requirements are approved again", async () => {
    await createShopRepository(directory());
    const clean = await runCli(["check", "--strict", "--format", "json"], { cwd: directory() });
    expect(JSON.stringify(jsonOf(clean))).not.toContain("drift/criterion-changed-after-done");
    await editShopDocument(directory(), "requirements.md", (text) => text.replace("$5 shipping", "$7 shipping"));
    const drifted = jsonOf(await runCli(["check", "--format", "json"], { cwd: directory() })) as {
      diagnostics: { rule: string; file: string; message: string }[];
    };
    const found = drifted.diagnostics.filter((diagnostic) => diagnostic.rule === "drift/criterion-changed-after-done");
    expect(found).toMatchObject([
      { file: ".kiro/specs/checkout/tasks.md", message: expect.stringContaining("older version of 2.1") },
    ]);
    await runCli(["approve", "checkout", "requirements"], { cwd: directory() });
    const approved = await runCli(["check", "--format", "json"], { cwd: directory() });
    expect(JSON.stringify(jsonOf(approved))).not.toContain("drift/criterion-changed-after-done");
  });
});

describe("specwright run --reverify", () => {
  it("re-runs the tests for the flagged done task, without a model, and fails when they fail", async () => {
    await createShopRepository(directory());
    const nothing = await runCli(["run", "checkout", "--reverify"], { cwd: directory() });
    expect(nothing).toMatchObject({ code: 0 });
    expect(nothing.stdout).toContain("no done task to re-verify");
    await editShopDocument(directory(), "requirements.md", (text) => text.replace("$5 shipping", "$7 shipping"));
    const passing = jsonOf(await runCli(["run", "checkout", "--reverify", "--json"], { cwd: directory() }));
    expect(passing).toMatchObject({
      ok: true,
      tasks: [{ taskId: "2", changedCriteria: ["2.1"] }],
      verification: { passed: true, command: "npm test" },
    });
    await writeFile(join(directory(), "src/shipping.js"), "export const shipping = () => 7;\n");
    const failing = await runCli(["run", "checkout", "--reverify"], { cwd: directory() });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("task 2: Shipping cost in src/shipping.js (changed: 2.1): failed");
  });
});

describe("specwright impact without git", () => {
  it("compares with the copy approve kept under .kiro/specwright/approved/", async () => {
    const { writeTree } = await import("../helpers/temp-dir.js");
    const { SHOP_REQUIREMENTS } = await import("../helpers/living-spec.js");
    await writeTree(directory(), { ".kiro/specs/checkout/requirements.md": SHOP_REQUIREMENTS });
    expect((await runCli(["approve", "checkout", "requirements"], { cwd: directory() })).code).toBe(0);
    await editShopDocument(directory(), "requirements.md", withFreeShipping);
    const document = jsonOf(await runCli(["impact", "checkout", "--json"], { cwd: directory() }));
    expect(document).toMatchObject({
      summary: "1 criterion added",
      documents: [{ document: "requirements.md", baseline: "kept", changed: true }, {}, {}],
      codeFiles: [],
    });
    const drift = await runCli(["drift", "--json"], { cwd: directory() });
    expect(drift.code).toBe(1);
    expect(jsonOf(drift)).toMatchObject({ ok: false, error: { code: "not-a-git-repository" } });
  });
});
