import { describe, expect, it } from "vitest";
import { asViewEvent } from "../../src/cli/commands/run-waves-output.js";

describe("asViewEvent", () => {
  const base = "0123456789abcdef0123456789abcdef01234567";

  it("shows a wave's start with its tasks and base, and says when it started ahead", () => {
    expect(asViewEvent({ type: "wave-start", wave: 2, taskIds: ["3", "4"], base })).toEqual({
      type: "warning",
      message: "wave 2: 3, 4 (base 0123456789ab)",
    });
    expect(asViewEvent({ type: "wave-start", wave: 2, taskIds: ["3"], base, ahead: true })).toEqual({
      type: "warning",
      message: "wave 2: 3 (base 0123456789ab, started while the wave before was tested)",
    });
  });

  it("passes the runner's own events through and shows nothing for a wave's end", () => {
    const warning = { type: "warning", message: "hello" } as const;
    expect(asViewEvent(warning)).toBe(warning);
    expect(asViewEvent({ type: "wave-end", wave: 1, done: ["1"], rerun: [] })).toBeUndefined();
  });
});
