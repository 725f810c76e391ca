import { describe, expect, it } from "vitest";
import { createRunView } from "../../src/cli/run-view.js";
import type { RunEvent } from "../../src/engine/runner/run-events.js";

const PLAIN = { color: false, interactive: false, width: 80 };
const TOTALS = { inputTokens: 100, outputTokens: 20, costUsd: undefined, calls: 1 };

const EVENTS: RunEvent[] = [
  { type: "run-start", runId: "r1", spec: "demo", mode: "autopilot", taskIds: ["1.1"], resumed: [], reset: [] },
  { type: "task-start", taskId: "1.1", title: "Add subtract", checkpoint: false },
  { type: "tool-call", taskId: "1.1", step: 1, tool: "write_file", input: '{"path":"a.js"}' },
  { type: "tool-result", taskId: "1.1", step: 1, tool: "write_file", ok: false, summary: "path escapes the root" },
  {
    type: "step-end",
    taskId: "1.1",
    step: 1,
    text: "",
    finishReason: "tool-calls",
    usage: { inputTokens: 100, outputTokens: 20 },
    totals: TOTALS,
  },
  { type: "verify-end", taskId: "1.1", round: 1, passed: false, exitCode: 1, durationMs: 1200, outputTail: "" },
];

function render(json: boolean, terminal = PLAIN): string {
  let output = "";
  const view = createRunView({ terminal, json, write: (text) => (output += text) });
  for (const event of EVENTS) view.onEvent(event);
  view.stop();
  return output;
}

describe("run view", () => {
  it("prints plain lines without a terminal: the task, each tool, failures and the verdict", () => {
    expect(render(false).split("\n")).toEqual([
      "run r1: demo, autopilot, tasks 1.1",
      "▶ 1.1 Add subtract",
      '  write_file {"path":"a.js"}',
      "  write_file failed: path escapes the root",
      "  verification failed (exit 1)",
      "",
    ]);
  });

  it("--json prints each event as one JSON object per line", () => {
    const lines = render(true).trim().split("\n");
    expect(lines.map((line) => JSON.parse(line))).toEqual(EVENTS);
  });

  it("on a terminal shows the answer streaming in on the live line, and model lines above it", () => {
    let output = "";
    const view = createRunView({
      terminal: { color: false, interactive: true, width: 120 },
      json: false,
      write: (text) => (output += text),
    });
    view.onEvent({ type: "task-start", taskId: "1.1", title: "Add subtract", checkpoint: false });
    view.onModelEvent?.({ type: "progress", purpose: "task 1.1", characters: 1200, outputTokens: 300 }, undefined);
    expect(output).toContain("task 1.1 · step 0 · answer ~300 tokens");
    view.onModelEvent?.({ type: "warning", purpose: "task 1.1", message: "cut" }, "warning: cut");
    view.stop();
    expect(output).toContain("warning: cut\n");
    expect(createRunView({ terminal: PLAIN, json: false, write: () => undefined }).onModelEvent).toBeUndefined();
  });

  it("on a terminal keeps a live line with the task, step, current tool and tokens", () => {
    const output = render(false, { color: false, interactive: true, width: 120 });
    expect(output).toContain("task 1.1 · step 1 · write_file");
    expect(output).toContain("120 tokens");
    // Tool calls update the live line instead of printing lines of their own.
    expect(output).not.toContain('  write_file {"path":"a.js"}\n');
  });

  it("a task that needs review says why, file by file, with the commands to review, accept or undo it", () => {
    let output = "";
    const view = createRunView({ terminal: PLAIN, json: false, write: (text) => (output += text) });
    view.onEvent(EVENTS[0] as RunEvent);
    view.onEvent({ type: "baseline", taskId: "1.1", command: "node --test", testCount: 1 });
    view.onEvent({
      type: "verify-end",
      taskId: "1.1",
      round: -1,
      passed: true,
      exitCode: 0,
      durationMs: 10,
      outputTail: "",
    });
    view.onEvent({
      type: "task-end",
      taskId: "1.1",
      outcome: {
        taskId: "1.1",
        title: "Add subtract",
        status: "needs-review",
        startedAt: "",
        finishedAt: "",
        steps: 1,
        repairRounds: 0,
        sandboxBlocked: 0,
        verification: undefined,
        files: [{ path: "test/a.test.js", change: "modified", linesAdded: 1, linesRemoved: 1 }],
        usage: { inputTokens: 0, outputTokens: 0 },
        openQuestions: [],
        error: undefined,
        checkpoints: { before: "b", after: "a" },
        integrity: {
          findings: [
            { code: "test-skipped", path: "test/a.test.js", message: "A test in test/a.test.js is now skipped." },
          ],
          warnings: [],
          testCountBefore: 1,
          testCountAfter: 0,
        },
      },
    });
    view.stop();
    expect(output.split("\n")).toEqual([
      "run r1: demo, autopilot, tasks 1.1",
      "  baseline: node --test, 1 test(s)",
      "! 1.1 needs review: the tests passed, but not the same tests as before the task",
      "    ! A test in test/a.test.js is now skipped.",
      "    modified test/a.test.js (+1 -1)",
      "    review: specwright diff demo --task 1.1; accept: specwright task demo 1.1 --status done; undo: specwright revert demo --task 1.1",
      "",
    ]);
  });
});
