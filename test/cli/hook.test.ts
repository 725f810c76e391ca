import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandHookFile, legacyCommandHook } from "../helpers/hook-files.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

describe("specwright hook list / run / test (end to end)", () => {
  const directory = useTempDirectory("specwright-hook-cli-");
  const hooks = () =>
    writeTree(directory(), {
      "src/a.ts": "",
      ".kiro/hooks/lint.kiro.hook": legacyCommandHook({
        name: "Lint on save",
        type: "fileEdited",
        patterns: ["src/**/*.ts"],
        command: 'cat > payload.json; echo "linted $SPECWRIGHT_HOOK_FILE"',
      }),
      ".kiro/hooks/more.json": commandHookFile({
        name: "off",
        trigger: "PreToolUse",
        command: "exit 3",
        enabled: false,
      }),
    });

  it("lists both formats with their event and enabled state", async () => {
    await hooks();
    const result = await runCli(["hook", "list", "--json"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(jsonOf(result).hooks).toEqual([
      expect.objectContaining({
        name: "Lint on save",
        format: "legacy",
        trigger: "fileEdited",
        event: "file-saved",
        enabled: true,
      }),
      expect.objectContaining({ name: "off", format: "v1", event: "pre-tool-use", enabled: false }),
    ]);
  });

  it("runs a hook as if a file was saved: payload on stdin, output shown, the run recorded", async () => {
    await hooks();
    const result = await runCli(["hook", "run", "lint-on-save", "--file", "src/a.ts"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("linted src/a.ts");
    const payload = JSON.parse(await readFile(join(directory(), "payload.json"), "utf8")) as Record<string, unknown>;
    expect(payload).toMatchObject({ event: "file-saved", file: "src/a.ts", hook: "Lint on save" });
    const log = JSON.parse(
      (await readFile(join(directory(), ".kiro/specwright/hooks.jsonl"), "utf8")).trim(),
    ) as Record<string, unknown>;
    expect(log).toMatchObject({
      hook: "Lint on save",
      event: "file-saved",
      payload: "file-saved src/a.ts",
      exitCode: 0,
      verdict: "ok",
    });
    expect(typeof log.durationMs).toBe("number");
    const status = await runCli(["status", "--json"], { cwd: directory() });
    expect(jsonOf(status).hooks).toMatchObject({ runs: 1, failed: 0, blocked: 0, last: { hook: "Lint on save" } });
  });

  it("reports a failing hook with exit 1, and an unknown name with the names there are", async () => {
    await hooks();
    const failing = await runCli(["hook", "run", "off", "--json"], { cwd: directory() });
    expect(failing.code).toBe(1);
    expect(jsonOf(failing)).toMatchObject({ ok: false, run: { exitCode: 3, verdict: { kind: "failed" } } });
    const unknown = await runCli(["hook", "run", "nope", "--json"], { cwd: directory() });
    expect(unknown.code).toBe(2);
    expect(jsonOf(unknown)).toMatchObject({
      ok: false,
      error: { code: "hook-not-found", candidates: ["Lint on save", "off"] },
    });
  });

  it("test shows the command, the matcher's verdict and the payload, and runs nothing", async () => {
    await hooks();
    const result = await runCli(["hook", "test", "Lint on save", "--file", "test/a.ts", "--json"], {
      cwd: directory(),
    });
    expect(result.code).toBe(0);
    expect(jsonOf(result)).toMatchObject({
      matches: false,
      input: { event: "file-saved", file: "test/a.ts" },
      environment: { SPECWRIGHT_HOOK_FILE: "test/a.ts" },
    });
    const text = await runCli(["hook", "test", "off"], { cwd: directory() });
    expect(text.stdout).toContain("would run: exit 3");
    expect(text.stdout).toContain("the hook is disabled");
    await expect(readFile(join(directory(), "payload.json"), "utf8")).rejects.toThrow();
    await expect(readFile(join(directory(), ".kiro/specwright/hooks.jsonl"), "utf8")).rejects.toThrow();
  });

  it("check warns about a save hook whose pattern matches no file, and stops once a file matches", async () => {
    await writeTree(directory(), {
      "src/a.ts": "",
      ".kiro/hooks/tsx.json": commandHookFile({
        name: "tsx",
        trigger: "PostFileSave",
        matcher: "\\.tsx$",
        command: "true",
      }),
    });
    const first = await runCli(["check", "--json"], { cwd: directory() });
    const rules = (result: typeof first) =>
      ((jsonOf(result).diagnostics ?? []) as { rule: string }[]).map((diagnostic) => diagnostic.rule);
    expect(rules(first)).toContain("hooks/pattern-matches-nothing");
    await writeTree(directory(), { "src/view/b.tsx": "" });
    const second = await runCli(["check", "--json"], { cwd: directory() });
    expect(rules(second)).not.toContain("hooks/pattern-matches-nothing");
  });
});
