import { appendFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openCheckSession } from "../../../src/engine/check/check-session.js";
import { runCheck } from "../../../src/engine/check/run-check.js";
import { SAMPLE_REQUIREMENTS, SAMPLE_WORKSPACE } from "../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const folder = useTempDirectory();
const VAGUE = "3. THE Rate_Limiter SHALL respond quickly\n";

async function workspace(): Promise<string> {
  const root = folder();
  await writeTree(root, {
    ...SAMPLE_WORKSPACE,
    ".kiro/steering/product.md": "# Product\n\nA rate limiter.\n",
  });
  return root;
}

/** What a cold `check --no-cache` says about the workspace as it is on disk now. */
async function coldCheck(root: string, paths: readonly string[] = []) {
  const { diagnostics, summary } = await runCheck({ cwd: root, root, paths, cache: false });
  return { diagnostics, summary };
}

async function sessionReport(session: Awaited<ReturnType<typeof openCheckSession>>, paths?: readonly string[]) {
  const { diagnostics, summary } = await session.report(paths);
  return { diagnostics, summary };
}

describe("check session", () => {
  it("opens with the results a cold check gives", async () => {
    const root = await workspace();
    await appendFile(join(root, ".kiro/specs/rate-limiting/requirements.md"), VAGUE);
    const session = await openCheckSession({ cwd: root });
    const cold = await coldCheck(root);
    expect(cold.diagnostics.length).toBeGreaterThan(0);
    expect(await sessionReport(session)).toEqual(cold);
  });

  it("after an edit re-reads only the edited spec and agrees with a cold check", async () => {
    const root = await workspace();
    const session = await openCheckSession({ cwd: root });
    const file = join(root, ".kiro/specs/rate-limiting/requirements.md");
    await appendFile(file, VAGUE);
    const update = await session.update([file]);
    expect(update.rechecked).toEqual(["rate-limiting"]);
    expect(update.shared).toBe(false);
    expect(update.specs[0]?.diagnostics.some((diagnostic) => diagnostic.rule === "ears/vague-term")).toBe(true);
    expect(await sessionReport(session)).toEqual(await coldCheck(root));
  });

  it("keeps a spec's old result until told, showing it was not read again", async () => {
    const root = await workspace();
    const session = await openCheckSession({ cwd: root });
    await appendFile(join(root, ".kiro/specs/rate-limiting/requirements.md"), VAGUE);
    await session.update([join(root, ".kiro/specs/double-save/bugfix.md")]);
    const report = await session.report();
    expect(report.diagnostics.some((diagnostic) => diagnostic.rule === "ears/vague-term")).toBe(false);
  });

  it("refresh finds edited, added and deleted specs by their fingerprints", async () => {
    const root = await workspace();
    const session = await openCheckSession({ cwd: root });
    expect((await session.refresh()).rechecked).toEqual([]);
    await appendFile(join(root, ".kiro/specs/rate-limiting/requirements.md"), VAGUE);
    await rm(join(root, ".kiro/specs/double-save"), { recursive: true });
    await writeTree(root, { ".kiro/specs/new-one/requirements.md": SAMPLE_REQUIREMENTS });
    const update = await session.refresh();
    expect([...update.rechecked].sort()).toEqual(["new-one", "rate-limiting"]);
    expect(await sessionReport(session)).toEqual(await coldCheck(root));
    expect((await session.report()).summary.specs).toBe(2);
  });

  it("a settings change re-runs the rules of every spec without being told which", async () => {
    const root = await workspace();
    await appendFile(join(root, ".kiro/specs/rate-limiting/requirements.md"), VAGUE);
    const session = await openCheckSession({ cwd: root });
    const settings = join(root, ".kiro/settings/specwright.json");
    await writeTree(root, { ".kiro/settings/specwright.json": '{"rules": {"ears/vague-term": "off"}}' });
    const update = await session.update([settings]);
    expect(update.shared).toBe(true);
    expect(update.rechecked).toContain("rate-limiting");
    const report = await sessionReport(session);
    expect(report.diagnostics.some((diagnostic) => diagnostic.rule === "ears/vague-term")).toBe(false);
    expect(report).toEqual(await coldCheck(root));
  });

  it("check(paths) brings one spec up to date and reports on it alone, as `check <path>` does", async () => {
    const root = await workspace();
    const session = await openCheckSession({ cwd: root });
    await writeFile(join(root, ".kiro/specs/double-save/bugfix.md"), "# Bugfix Requirements Document\n");
    await appendFile(join(root, ".kiro/specs/rate-limiting/requirements.md"), VAGUE);
    const { diagnostics, summary } = await session.check([".kiro/specs/rate-limiting"]);
    expect({ diagnostics, summary }).toEqual(await coldCheck(root, [".kiro/specs/rate-limiting"]));
    const whole = await session.check();
    expect({ diagnostics: whole.diagnostics, summary: whole.summary }).toEqual(await coldCheck(root));
  });
});
