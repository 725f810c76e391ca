import { describe, expect, it } from "vitest";
import { threadPlan } from "../../../src/engine/check/thread-plan.js";

const idleTwoCores = { cores: 2, load: 0 };

describe("threadPlan", () => {
  it("keeps 1,000 and 3,000 specs on one thread of an idle two-core machine, where a worker cost more than it saved", () => {
    expect(threadPlan(1000, idleTwoCores)).toEqual({ threads: 1, main: true });
    expect(threadPlan(3000, idleTwoCores)).toEqual({ threads: 1, main: false });
  });

  it("checks 10,000 specs on two workers of an idle two-core machine", () => {
    expect(threadPlan(10_000, idleTwoCores)).toEqual({ threads: 2, main: false });
  });

  it("adds a thread per 2,000 specs up to the idle cores", () => {
    expect(threadPlan(4000, { cores: 8, load: 0 }).threads).toBe(2);
    expect(threadPlan(9000, { cores: 8, load: 0 }).threads).toBe(4);
    expect(threadPlan(100_000, { cores: 8, load: 2.7 }).threads).toBe(5);
  });

  it("rounds the idle cores: a core other processes keep only a little busy is still used", () => {
    expect(threadPlan(10_000, { cores: 2, load: 0.3 })).toEqual({ threads: 2, main: false });
    expect(threadPlan(10_000, { cores: 2, load: 0.7 })).toEqual({ threads: 1, main: false });
  });

  it("starts no second thread on a machine busier than its cores", () => {
    expect(threadPlan(10_000, { cores: 2, load: 3 })).toEqual({ threads: 1, main: false });
  });

  it("does what SPECWRIGHT_CHECK_THREADS says: 1 is the main thread alone, more are that many workers", () => {
    expect(threadPlan(10_000, { ...idleTwoCores, forced: "1" })).toEqual({ threads: 1, main: true });
    expect(threadPlan(100, { ...idleTwoCores, forced: "3" })).toEqual({ threads: 3, main: false });
    expect(threadPlan(1000, { ...idleTwoCores, forced: "many" })).toEqual({ threads: 1, main: true });
  });
});
