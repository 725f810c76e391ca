import { describe, expect, it } from "vitest";
import { checkpointRef, isRefComponent, parseCheckpointRef } from "../../../src/engine/checkpoints/checkpoint-ref.js";
import { isRunnerBookkeeping } from "../../../src/engine/checkpoints/runner-bookkeeping.js";
import { EngineError } from "../../../src/engine/errors/engine-error.js";

describe("checkpointRef", () => {
  it("names a stage of a task of a spec, and reads back", () => {
    const ref = checkpointRef("rate-limiting", "2.1", "after");
    expect(ref).toBe("refs/specwright/checkpoints/rate-limiting/2.1/after");
    expect(parseCheckpointRef(ref)).toEqual({ spec: "rate-limiting", taskId: "2.1", stage: "after" });
    expect(parseCheckpointRef("refs/heads/main")).toBeUndefined();
  });

  it.each(["", "../x", "a/b", "a..b", "x.lock", "1.", "-x", "a b", "a*", "a~1", "a:b"])(
    "refuses %j as a spec or task id, as a usage error",
    (value) => {
      expect(isRefComponent(value)).toBe(false);
      expect(() => checkpointRef("spec", value, "before")).toThrow(EngineError);
      expect(() => checkpointRef(value, "1", "before")).toThrow(expect.objectContaining({ kind: "usage" }));
    },
  );
});

describe("isRunnerBookkeeping", () => {
  it("is the spec's tasks.md, tasks.meta.json and runs/, under the workspace's place in the repository", () => {
    expect(isRunnerBookkeeping(".kiro/specs/calc/tasks.md", "", "calc")).toBe(true);
    expect(isRunnerBookkeeping(".kiro/specs/calc/tasks.meta.json", "", "calc")).toBe(true);
    expect(isRunnerBookkeeping(".kiro/specs/calc/runs/2026/log.jsonl", "", "calc")).toBe(true);
    expect(isRunnerBookkeeping("app/.kiro/specs/calc/tasks.md", "app/", "calc")).toBe(true);
  });

  it("is Specwright's own state (the usage log written while a task runs), for any spec", () => {
    expect(isRunnerBookkeeping(".kiro/specwright/usage.jsonl", "", "calc")).toBe(true);
    expect(isRunnerBookkeeping("app/.kiro/specwright/usage.jsonl.lock", "app/", "calc")).toBe(true);
    expect(isRunnerBookkeeping(".kiro/specwright/usage.jsonl", "app/", "calc")).toBe(false);
  });

  it("is not the task's work: other specs, other documents, other folders", () => {
    expect(isRunnerBookkeeping(".kiro/specs/other/tasks.md", "", "calc")).toBe(false);
    expect(isRunnerBookkeeping(".kiro/specs/calc/design.md", "", "calc")).toBe(false);
    expect(isRunnerBookkeeping("src/tasks.md", "", "calc")).toBe(false);
    expect(isRunnerBookkeeping(".kiro/specs/calc/tasks.md", "app/", "calc")).toBe(false);
  });
});
