import { describe, expect, it } from "vitest";
import { holdEvents } from "../../../src/engine/task-waves/held-events.js";
import type { WaveRunEvent } from "../../../src/engine/task-waves/wave-events.js";

const warning = (message: string): WaveRunEvent => ({ type: "warning", message });

describe("holdEvents", () => {
  it("holds events until released, then delivers them in order and the next ones at once", () => {
    const seen: WaveRunEvent[] = [];
    const events = holdEvents((event) => seen.push(event));
    events.deliver(warning("a"));
    events.deliver(warning("b"));
    expect(seen).toEqual([]);
    events.release();
    expect(seen).toEqual([warning("a"), warning("b")]);
    events.deliver(warning("c"));
    events.release();
    expect(seen).toEqual([warning("a"), warning("b"), warning("c")]);
  });

  it("delivers nothing of a dropped stream, before or after, even when released later", () => {
    const seen: WaveRunEvent[] = [];
    const events = holdEvents((event) => seen.push(event));
    events.deliver(warning("a"));
    events.drop();
    events.deliver(warning("b"));
    events.release();
    expect(seen).toEqual([]);
  });
});
