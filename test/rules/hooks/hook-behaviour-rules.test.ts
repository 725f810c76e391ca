import { describe, expect, it } from "vitest";
import { commandWrites } from "../../../src/rules/hooks/command-writes.js";
import { conflictingWrites } from "../../../src/rules/hooks/conflicting-writes.js";
import { patternMatchesNothing } from "../../../src/rules/hooks/pattern-matches-nothing.js";
import { commandHookFile, legacyCommandHook } from "../../helpers/hook-files.js";
import { findingsOf, workspaceOf } from "../../helpers/workspace-model.js";

describe("hooks/pattern-matches-nothing", () => {
  const files = {
    ".kiro/hooks/ts.kiro.hook": legacyCommandHook({
      name: "TS",
      type: "fileEdited",
      patterns: ["src/**/*.ts"],
      command: "x",
    }),
    ".kiro/hooks/py.json": commandHookFile({ name: "py", trigger: "PostFileSave", matcher: "\\.py$", command: "x" }),
    ".kiro/hooks/new.json": commandHookFile({
      name: "new",
      trigger: "PostFileCreate",
      matcher: "\\.go$",
      command: "x",
    }),
    ".kiro/hooks/off.json": commandHookFile({
      name: "off",
      trigger: "PostFileSave",
      matcher: "\\.rs$",
      command: "x",
      enabled: false,
    }),
  };
  const check = (repositoryFiles: readonly string[] | undefined) => [
    ...patternMatchesNothing.check({ ...workspaceOf(files), ...(repositoryFiles ? { repositoryFiles } : {}) }),
  ];

  it("reports an enabled save hook whose pattern matches no repository file, and only that one", () => {
    const findings = check(["src/deep/a.ts", "README.md"]);
    expect(findings.map((finding) => finding.file)).toEqual([".kiro/hooks/py.json"]);
    expect(findings[0]?.message).toContain('"py"');
  });

  it("reports a 0.x glob that matches nothing, and stays silent when the files are unknown", () => {
    expect(check(["lib/a.ts", "x.py"]).map((finding) => finding.file)).toEqual([".kiro/hooks/ts.kiro.hook"]);
    expect(check(undefined)).toEqual([]);
  });
});

describe("hooks/conflicting-writes", () => {
  it("finds the files a command visibly writes", () => {
    expect(commandWrites("npm test > report.txt 2>&1")).toEqual(["report.txt"]);
    expect(commandWrites("echo a >> ./log/out.md; cat x | tee -a notes.md")).toEqual(["log/out.md", "notes.md"]);
    expect(commandWrites("echo $X > $OUT; echo b > /dev/null; cmd 2>&1")).toEqual([]);
  });

  it("reports two hooks on the same event writing the same file, not hooks on different events", () => {
    const findings = findingsOf(conflictingWrites, {
      ".kiro/hooks/a.json": commandHookFile({ name: "a", trigger: "PostFileSave", command: "npm run lint > lint.txt" }),
      ".kiro/hooks/b.kiro.hook": legacyCommandHook({
        name: "b",
        type: "fileEdited",
        patterns: ["**/*"],
        command: "eslint . | tee lint.txt",
      }),
      ".kiro/hooks/c.json": commandHookFile({ name: "c", trigger: "PostTaskExec", command: "date > lint.txt" }),
      ".kiro/hooks/d.json": commandHookFile({
        name: "d",
        trigger: "PostFileSave",
        command: "date > other.txt",
        enabled: true,
      }),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('"a"');
    expect(findings[0]?.message).toContain('"b"');
    expect(findings[0]?.message).toContain("lint.txt");
  });
});
