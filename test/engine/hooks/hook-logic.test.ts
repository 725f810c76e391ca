import { describe, expect, it } from "vitest";
import { agentVerdict } from "../../../src/engine/hooks/ask-hook-agent.js";
import { payloadSubject } from "../../../src/engine/hooks/dispatch-hooks.js";
import { hookEnvironment, summarizePayload } from "../../../src/engine/hooks/hook-payload.js";
import { hookVerdict } from "../../../src/engine/hooks/hook-verdict.js";
import type { HookSummary } from "../../../src/engine/hooks/list-hooks.js";
import { hookMatches, hooksFor, toRunnableHook } from "../../../src/engine/hooks/runnable-hook.js";
import { hookEventOf, LEGACY_TRIGGER_EVENTS, V1_TRIGGER_EVENTS } from "../../../src/model/hooks/hook-events.js";
import { HOOK_V1_TRIGGERS, LEGACY_HOOK_DOCUMENTED_TRIGGERS } from "../../../src/model/hooks/index.js";

function legacy(overrides: Partial<HookSummary> = {}): HookSummary {
  return {
    file: ".kiro/hooks/x.kiro.hook",
    format: "legacy",
    name: "Lint on save",
    trigger: "fileEdited",
    action: { type: "runCommand", command: "npm run lint" },
    enabled: true,
    patterns: ["src/**/*.ts"],
    ...overrides,
  };
}

function v1(overrides: Partial<HookSummary> = {}): HookSummary {
  return {
    file: ".kiro/hooks/x.json",
    format: "v1",
    name: "lint",
    trigger: "PostFileSave",
    matcher: "\\.ts$",
    action: { type: "command", command: "npm run lint" },
    enabled: true,
    ...overrides,
  };
}

describe("trigger mapping", () => {
  it("maps every documented trigger of both formats to an event, and the same Kiro concept to the same event", () => {
    for (const trigger of LEGACY_HOOK_DOCUMENTED_TRIGGERS)
      expect(hookEventOf("legacy", trigger), trigger).toBeDefined();
    for (const trigger of HOOK_V1_TRIGGERS) expect(hookEventOf("v1", trigger), trigger).toBeDefined();
    expect(hookEventOf("legacy", "fileEdited")).toBe(hookEventOf("v1", "PostFileSave"));
    expect(hookEventOf("legacy", "preToolUse")).toBe(hookEventOf("v1", "PreToolUse"));
    expect(hookEventOf("legacy", "postTaskExecution")).toBe("post-task");
    expect(hookEventOf("legacy", "userTriggered")).toBe("manual");
    expect(hookEventOf("legacy", "manual")).toBe("manual");
    expect(hookEventOf("v1", "fileEdited")).toBeUndefined();
    expect(hookEventOf("legacy", "PostFileSave")).toBeUndefined();
    expect(Object.keys(LEGACY_TRIGGER_EVENTS).length).toBeGreaterThan(0);
    expect(Object.keys(V1_TRIGGER_EVENTS).length).toBeGreaterThan(0);
  });
});

describe("matching", () => {
  it("legacy globs match paths under their folder, v1 matchers are regular expressions", () => {
    const glob = toRunnableHook(legacy());
    expect(hookMatches(glob, "file-saved", "src/a.ts")).toBe(true);
    expect(hookMatches(glob, "file-saved", "src/deep/b.ts")).toBe(true);
    expect(hookMatches(glob, "file-saved", "test/a.ts")).toBe(false);
    expect(hookMatches(glob, "file-created", "src/a.ts")).toBe(false);
    const regex = toRunnableHook(v1());
    expect(hookMatches(regex, "file-saved", "lib/x.ts")).toBe(true);
    expect(hookMatches(regex, "file-saved", "lib/x.js")).toBe(false);
  });

  it("a disabled hook, a hook without action and a broken matcher never run", () => {
    expect(hookMatches(toRunnableHook(v1({ enabled: false })), "file-saved", "a.ts")).toBe(false);
    expect(hookMatches(toRunnableHook(v1({ action: { type: "command" } })), "file-saved", "a.ts")).toBe(false);
    expect(hookMatches(toRunnableHook(v1({ matcher: "(" })), "file-saved", "a.ts")).toBe(false);
  });

  it("tool categories of 0.x hooks match Specwright's tool names", () => {
    const write = toRunnableHook(legacy({ trigger: "preToolUse", patterns: undefined, toolTypes: ["write"] }));
    expect(hookMatches(write, "pre-tool-use", "write_file")).toBe(true);
    expect(hookMatches(write, "pre-tool-use", "edit_file")).toBe(true);
    expect(hookMatches(write, "pre-tool-use", "run_command")).toBe(false);
    const any = toRunnableHook(legacy({ trigger: "preToolUse", patterns: undefined, toolTypes: ["*"] }));
    expect(hookMatches(any, "pre-tool-use", "run_command")).toBe(true);
  });

  it("hooksFor keeps file order and only the event's hooks", () => {
    const hooks = [
      toRunnableHook(v1({ name: "one" })),
      toRunnableHook(v1({ name: "task", trigger: "PreTaskExec", matcher: undefined })),
      toRunnableHook(v1({ name: "two", matcher: undefined })),
    ];
    expect(hooksFor(hooks, "file-saved", "a.ts").map((hook) => hook.name)).toEqual(["one", "two"]);
    expect(hooksFor(hooks, "pre-task").map((hook) => hook.name)).toEqual(["task"]);
  });

  it("the matcher's subject is the file of file events and the tool of tool events", () => {
    expect(payloadSubject({ event: "file-saved", file: "a.ts", toolName: "x" })).toBe("a.ts");
    expect(payloadSubject({ event: "pre-tool-use", file: "a.ts", toolName: "run_command" })).toBe("run_command");
    expect(payloadSubject({ event: "pre-task", taskId: "1" })).toBeUndefined();
  });

  it("uses the timeout of the file, in seconds", () => {
    expect(toRunnableHook(v1({ timeout: 5 })).timeoutMs).toBe(5000);
    expect(toRunnableHook(v1()).timeoutMs).toBe(60_000);
  });
});

describe("payload", () => {
  it("puts the fields in SPECWRIGHT_HOOK_* variables, structures as JSON, and the whole payload too", () => {
    const input = {
      event: "pre-tool-use" as const,
      toolName: "run_command",
      toolArgs: { command: "npm test" },
      taskId: "2.1",
      spec: "auth",
      hook: "guard",
      root: "/repo",
    };
    const environment = hookEnvironment(input);
    expect(environment).toMatchObject({
      SPECWRIGHT_HOOK_NAME: "guard",
      SPECWRIGHT_HOOK_EVENT: "pre-tool-use",
      SPECWRIGHT_HOOK_TOOL_NAME: "run_command",
      SPECWRIGHT_HOOK_TOOL_ARGS: '{"command":"npm test"}',
      SPECWRIGHT_HOOK_TASK_ID: "2.1",
      SPECWRIGHT_HOOK_SPEC: "auth",
    });
    expect(JSON.parse(environment.SPECWRIGHT_HOOK_PAYLOAD ?? "")).toEqual(input);
    expect(environment.SPECWRIGHT_HOOK_FILE).toBeUndefined();
  });

  it("caps a huge payload variable so the command can still start", () => {
    const environment = hookEnvironment({
      event: "post-tool-use",
      toolResult: "x".repeat(500_000),
      hook: "h",
      root: "/",
    });
    expect((environment.SPECWRIGHT_HOOK_PAYLOAD ?? "").length).toBeLessThan(70_000);
  });

  it("summarizes a payload in one short line for the log", () => {
    expect(summarizePayload({ event: "post-task", spec: "auth", taskId: "2.1", outcome: { status: "done" } })).toBe(
      "post-task auth 2.1 done",
    );
    expect(summarizePayload({ event: "file-saved", file: "src/a.ts" })).toBe("file-saved src/a.ts");
  });
});

describe("blocking decision", () => {
  const exit = (exitCode: number | null, stderr = "", timedOut = false) => ({ exitCode, stderr, timedOut });

  it("exit 2 blocks pre-tool-use and pre-task, with stderr as the reason", () => {
    expect(hookVerdict("pre-tool-use", exit(2, "no pushing\n"))).toEqual({ kind: "blocked", reason: "no pushing" });
    expect(hookVerdict("pre-task", exit(2))).toMatchObject({ kind: "blocked" });
  });

  it("exit 2 elsewhere, other exits, time-outs and signals are reported and block nothing", () => {
    expect(hookVerdict("post-tool-use", exit(2, "x"))).toMatchObject({ kind: "failed" });
    expect(hookVerdict("file-saved", exit(2))).toMatchObject({ kind: "failed" });
    expect(hookVerdict("pre-tool-use", exit(1, "lint failed"))).toEqual({
      kind: "failed",
      reason: "The hook exited 1: lint failed",
    });
    expect(hookVerdict("pre-task", exit(null, "", true))).toMatchObject({
      kind: "failed",
      reason: "The hook timed out.",
    });
    expect(hookVerdict("pre-task", exit(0))).toEqual({ kind: "ok" });
  });

  it("an agent hook blocks with an answer starting BLOCK:, on blocking events only", () => {
    expect(agentVerdict("pre-task", "BLOCK: the guide says no")).toEqual({
      kind: "blocked",
      reason: "the guide says no",
    });
    expect(agentVerdict("post-task", "BLOCK: too late")).toEqual({ kind: "ok" });
    expect(agentVerdict("pre-task", "Remember to use the v2 API.")).toEqual({ kind: "ok" });
  });
});
