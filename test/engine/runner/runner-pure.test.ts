import { describe, expect, it } from "vitest";
import { approvalPolicy, reviewFeedback } from "../../../src/engine/runner/approval.js";
import { addExecutionHistoryEntry, executionHistoryKey } from "../../../src/engine/runner/execution-history.js";
import { extractOpenQuestions } from "../../../src/engine/runner/open-questions.js";
import { summarizeToolInput } from "../../../src/engine/runner/summarize-tool.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";

const ENTRY = {
  runId: "run-1",
  startedAt: "2026-01-01T00:00:00.000Z",
  finishedAt: "2026-01-01T00:01:00.000Z",
  status: "success" as const,
  verification: { command: "npm test", passed: true },
  inputTokens: 10,
  outputTokens: 5,
  source: "specwright" as const,
};

describe("extractOpenQuestions", () => {
  it("reads the questions under the Open questions label, bulleted or numbered", () => {
    const text = "Did it.\n\nOpen questions:\n- Should X be Y?\n2. What about Z?\n\nThanks";
    expect(extractOpenQuestions(text)).toEqual(["Should X be Y?", "What about Z?"]);
    expect(extractOpenQuestions("## Open Questions\n\n* One?\n")).toEqual(["One?"]);
  });

  it("finds none without the section, or when it says none", () => {
    expect(extractOpenQuestions("Is this a question? It is not for the user.")).toEqual([]);
    expect(extractOpenQuestions("Open questions:\nNone.")).toEqual([]);
  });
});

describe("executionHistory", () => {
  it("keys entries by the task line as Kiro does", () => {
    const [parent] = parseTasks("- [ ] 1. Setup\n  - [ ] 2.2 Write tests\n").tasks;
    expect(parent && executionHistoryKey(parent)).toBe("1. Setup");
    expect(parent?.children[0] && executionHistoryKey(parent.children[0])).toBe("2.2 Write tests");
  });

  it("creates the file, appends to a history and keeps every other key", () => {
    const created = addExecutionHistoryEntry(undefined, "1. Setup", ENTRY);
    expect(created.ok && JSON.parse(created.text)).toEqual({ executionHistory: { "1. Setup": [ENTRY] } });
    const existing =
      '{\n    "pbtResults": {"1. Setup": {"status": "passed"}},\n    "executionHistory": {"1. Setup": [{"old": true}]},\n    "other": 1\n}\n';
    const edited = addExecutionHistoryEntry(existing, "1. Setup", ENTRY);
    expect(edited.ok).toBe(true);
    if (!edited.ok) return;
    expect(JSON.parse(edited.text)).toEqual({
      pbtResults: { "1. Setup": { status: "passed" } },
      executionHistory: { "1. Setup": [{ old: true }, ENTRY] },
      other: 1,
    });
    expect(edited.text).toContain('\n    "pbtResults"');
  });

  it("keeps a property-test task's latest result in pbtResults", () => {
    const result = {
      status: "failed" as const,
      properties: ["Property 1: Round trip"],
      runId: "run-1",
      finishedAt: ENTRY.finishedAt,
      source: "specwright" as const,
    };
    const edited = addExecutionHistoryEntry(
      '{"pbtResults": {"1. Setup": {"status": "passed"}}}',
      "2.2 Write tests",
      ENTRY,
      result,
    );
    expect(edited.ok && JSON.parse(edited.text).pbtResults).toEqual({
      "1. Setup": { status: "passed" },
      "2.2 Write tests": result,
    });
  });

  it("leaves a file that is not Kiro's shape alone", () => {
    expect(addExecutionHistoryEntry("{oops", "k", ENTRY)).toEqual({
      ok: false,
      reason: "tasks.meta.json is not valid JSON",
    });
    expect(addExecutionHistoryEntry('{"executionHistory": []}', "k", ENTRY).ok).toBe(false);
  });
});

describe("approval", () => {
  const file = { path: "a.js", change: "modified" as const, diff: "+x" };
  it("autopilot allows, supervised asks when files changed", () => {
    expect(approvalPolicy("autopilot", [file])).toBe("allow");
    expect(approvalPolicy("supervised", [file])).toBe("ask");
    expect(approvalPolicy("supervised", [])).toBe("allow");
  });

  it("tells the model what was rejected and why; nothing when all was accepted", () => {
    expect(reviewFeedback({ rejectedPaths: [] })).toBeUndefined();
    const feedback = reviewFeedback({ rejectedPaths: ["a.js"], message: "use a map" });
    expect(feedback).toContain("rejected your changes to a.js");
    expect(feedback).toContain("The reviewer says: use a map");
  });
});

describe("summarizeToolInput", () => {
  it("keeps the log line short", () => {
    const line = summarizeToolInput({ path: "a.js", content: "x".repeat(5000) });
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line).toContain('"path":"a.js"');
  });
});
