import { describe, expect, it } from "vitest";
import { otherProcessesLoad, sampleCpu } from "../../../src/engine/check/cpu-load.js";

const at = (time: number, idle: number, own: number, cores = 2) => ({ time, idle, own, cores });

describe("otherProcessesLoad", () => {
  it("counts no load on a two-core machine where only this process ran, on one core", () => {
    // 100 ms: one core idle throughout, the other busy with this process.
    expect(otherProcessesLoad(at(0, 0, 0), at(100, 100, 100), 2)).toBeCloseTo(0);
  });

  it("counts the core another process kept busy", () => {
    // Neither core idle; this process used one of them.
    expect(otherProcessesLoad(at(0, 0, 0), at(200, 0, 200), 2)).toBeCloseTo(1);
    // Half of one core idle, this process used half a core: one core's worth is someone else's.
    expect(otherProcessesLoad(at(0, 0, 0), at(100, 50, 50), 2)).toBeCloseTo(1);
  });

  it("stays between none and every core when the counters' ticks overshoot", () => {
    expect(otherProcessesLoad(at(0, 0, 0), at(100, 230, 0), 2)).toBe(0);
    expect(otherProcessesLoad(at(0, 0, 0), at(100, 0, 0), 2)).toBe(2);
  });

  it("does not tell from samples too close together, or without cores", () => {
    expect(otherProcessesLoad(at(0, 0, 0), at(10, 20, 0), 2)).toBeUndefined();
    expect(otherProcessesLoad(at(0, 0, 0), at(100, 100, 0), 0)).toBeUndefined();
    expect(otherProcessesLoad(at(0, 0, 0, 0), at(100, 0, 0, 0), 2)).toBeUndefined();
    expect(otherProcessesLoad(at(0, 0, 0, 2), at(100, 100, 0, 4), 2)).toBeUndefined();
  });

  it("scales the machine's busy share to the cores this process may use", () => {
    // A container allowed 2 of the host's 8 cores: 6 of them idle, this process busy on one, another process
    // on one: an eighth of the machine is someone else's, so a quarter core of this process's 2.
    expect(otherProcessesLoad(at(0, 0, 0, 8), at(100, 600, 100, 8), 2)).toBeCloseTo(0.25);
  });

  it("samples the machine's idle time and this process's CPU time, both growing", async () => {
    const first = sampleCpu();
    const until = performance.now() + 60;
    while (performance.now() < until) {
      // Busy: this process's own time must grow.
    }
    const second = sampleCpu();
    expect(second.time - first.time).toBeGreaterThanOrEqual(60);
    expect(second.own).toBeGreaterThan(first.own);
    expect(second.idle).toBeGreaterThanOrEqual(first.idle);
    expect(second.cores).toBeGreaterThan(0);
  });
});
