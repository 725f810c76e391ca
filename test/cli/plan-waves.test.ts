import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  FEATURE_CONFIG,
  RATE_LIMITING,
  writeRateLimitingRequirements,
  writeSpecFiles,
} from "../helpers/authoring-fixtures.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

/** The seed walk's plan with one dependency: the middleware needs only the counter, not its property test. */
const PLAN = RATE_LIMITING.tasks.replace(
  "- [ ] 2. Build the middleware\n",
  "- [ ] 2. Build the middleware\n  - _Depends: 1.1_\n",
);
const PLAN_WAVES = [["1.1"], ["1.2", "2.1"], ["2.2"], ["2.3"], ["2.4"], ["2.5"], ["3"], ["4.1"]];

/** Kiro's own records, written the way Kiro writes them: they must come through byte for byte. */
const KIRO_META = `{
  "executionHistory": {
    "1.1 Implement \`SlidingWindowCounter.hit\`": [
      { "runId": "kiro-1", "status": "success" }
    ]
  }
}
`;

describe("specwright plan writes the waves into tasks.meta.json (end to end, fake model)", () => {
  const directory = useTempDirectory("specwright-plan-waves-");
  const model = useCliWithFakeModel(directory);
  const folder = () => join(directory(), ".kiro", "specs", "rate-limiting");
  const meta = async () => readFile(join(folder(), "tasks.meta.json"), "utf8");

  it("plan writes tasks.md and its waves beside Kiro's records, and run --dry-run reads the same waves", async () => {
    await writeSpecFiles(directory(), "rate-limiting", {
      "design.md": RATE_LIMITING.design,
      "tasks.meta.json": KIRO_META,
    });
    await writeRateLimitingRequirements(directory(), RATE_LIMITING.refinedRequirements);
    const planned = await model.run(["plan", "rate-limiting", "--yes", "--json"], [{ text: PLAN }]);
    expect(planned.code, planned.stderr).toBe(0);
    expect(jsonOf(planned).waves).toEqual({
      status: "written",
      file: ".kiro/specs/rate-limiting/tasks.meta.json",
      changed: true,
      waves: PLAN_WAVES,
    });
    expect(await readFile(join(folder(), "tasks.md"), "utf8")).toBe(PLAN);
    const written = await meta();
    // Kiro's key is untouched, byte for byte; the waves come after it, one line, in Kiro's format.
    expect(written.startsWith(KIRO_META.slice(0, KIRO_META.lastIndexOf("\n}")))).toBe(true);
    expect(written).toContain(`"waves": [["1.1"], ["1.2", "2.1"], ["2.2"]`);
    expect(JSON.parse(written)).toEqual({ ...JSON.parse(KIRO_META), waves: PLAN_WAVES });

    const dryRun = await runCli(
      ["run", "rate-limiting", "--all", "--include-optional", "--parallel", "3", "--dry-run", "--json"],
      {
        cwd: directory(),
      },
    );
    expect(dryRun.code, dryRun.stderr).toBe(0);
    const document = jsonOf(dryRun) as { source: string; waves: { taskIds: string[] }[] };
    expect(document.source).toBe("kiro-waves");
    expect(document.waves.map((wave) => wave.taskIds)).toEqual(PLAN_WAVES);

    const check = await runCli(["check", "--format", "json"], { cwd: directory() });
    const rules = (jsonOf(check).diagnostics as { rule: string }[]).map((diagnostic) => diagnostic.rule);
    expect(rules).not.toContain("structure/stale-waves");
  });

  it("plan prints the waves it wrote", async () => {
    await writeSpecFiles(directory(), "rate-limiting", { "design.md": RATE_LIMITING.design });
    await writeRateLimitingRequirements(directory(), RATE_LIMITING.refinedRequirements);
    const planned = await model.run(["plan", "rate-limiting", "--yes"], [{ text: PLAN }]);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain(
      "wrote 8 wave(s) in .kiro/specs/rate-limiting/tasks.meta.json: 1.1 | 1.2 2.1 | 2.2 | 2.3 | 2.4 | 2.5 | 3 | 4.1",
    );
    expect(JSON.parse(await meta())).toEqual({ waves: PLAN_WAVES });
  });

  it("after a hand edit, check warns that the waves are stale; plan --waves refreshes them without a model", async () => {
    const stale = `{
  "executionHistory": {},
  "waves": [["1.1"], ["1.2", "2.1"], ["2.2"], ["2.3"], ["2.4"], ["2.5"], ["3"], ["4.1"]]
}
`;
    await writeSpecFiles(directory(), "rate-limiting", {
      ".config.kiro": FEATURE_CONFIG,
      "requirements.md": RATE_LIMITING.refinedRequirements,
      "design.md": RATE_LIMITING.design,
      // Edited by hand: 2.1 now also waits for 1.2, and 4.1 is gone.
      "tasks.md": PLAN.replace("  - _Depends: 1.1_\n", "  - _Depends: 1.1, 1.2_\n").replace(
        /- \[ \] 4\. Integration[\s\S]*$/,
        "",
      ),
      "tasks.meta.json": stale,
    });
    const server = await model.start([]);
    const check = await runCli(["check", "--format", "json"], { cwd: directory() });
    const findings = (
      jsonOf(check).diagnostics as { rule: string; message: string; fix: string; file: string }[]
    ).filter((diagnostic) => diagnostic.rule === "structure/stale-waves");
    expect(findings.map((finding) => finding.message)).toEqual([
      "Task 2.1 waits for task 1.2 (`_Depends: 1.2_`), but the waves put it in wave 2, not after task 1.2 (wave 2).",
      "Wave 8 lists task 4.1, which tasks.md does not have.",
    ]);
    expect(findings[0]?.file).toBe(".kiro/specs/rate-limiting/tasks.meta.json");
    expect(findings[0]?.fix).toContain("specwright plan rate-limiting --waves");

    const dryRun = await runCli(["plan", "rate-limiting", "--waves", "--dry-run"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain("would write .kiro/specs/rate-limiting/tasks.meta.json: 8 wave(s) of 8 task(s)");
    expect(await meta()).toBe(stale);

    const refreshed = await runCli(["plan", "rate-limiting", "--waves", "--json"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(refreshed.code, refreshed.stderr).toBe(0);
    const fresh = [["1.1"], ["1.2"], ["2.1"], ["2.2"], ["2.3"], ["2.4"], ["2.5"], ["3"]];
    expect(jsonOf(refreshed)).toMatchObject({ ok: true, changed: true, waves: fresh });
    // Only the waves' value changed: the rest of the file is as it was.
    expect(await meta()).toBe(stale.replace(/"waves": .*/, `"waves": ${JSON.stringify(fresh).replaceAll(",", ", ")}`));
    expect(server.requests).toHaveLength(0);

    const again = await runCli(["check", "--format", "json"], { cwd: directory() });
    const rules = (jsonOf(again).diagnostics as { rule: string }[]).map((diagnostic) => diagnostic.rule);
    expect(rules).not.toContain("structure/stale-waves");
    const unchanged = await runCli(["plan", "rate-limiting", "--waves"], { cwd: directory() });
    expect(unchanged.stdout).toMatch(/^unchanged \.kiro\/specs\/rate-limiting\/tasks\.meta\.json/);
  });

  it("plan --waves refuses a tasks.meta.json that is not JSON, and leaves it as it is", async () => {
    await writeSpecFiles(directory(), "rate-limiting", { "tasks.md": PLAN, "tasks.meta.json": "{oops" });
    const result = await runCli(["plan", "rate-limiting", "--waves", "--json"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "tasks-meta-unreadable" } });
    expect(await meta()).toBe("{oops");
  });
});
