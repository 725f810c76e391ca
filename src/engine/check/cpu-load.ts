import { cpus } from "node:os";

/** The machine's idle time and this process's CPU time at one moment. */
export interface CpuSample {
  /** `performance.now()`, in ms. */
  readonly time: number;
  /** Idle time summed over the cores, in ms. */
  readonly idle: number;
  /** CPU time this process has used, user and system, in ms. */
  readonly own: number;
  /** The cores the idle time is summed over: every core of the machine, which may be more than this process may use. */
  readonly cores: number;
}

/** Below this, the cores' idle counters (ticks of 10 ms on Linux) are too coarse to tell a load. */
const MIN_INTERVAL_MS = 40;

export function sampleCpu(): CpuSample {
  const all = cpus();
  let idle = 0;
  for (const cpu of all) idle += cpu.times.idle;
  const usage = process.cpuUsage();
  return { time: performance.now(), idle, own: (usage.user + usage.system) / 1000, cores: all.length };
}

/**
 * The cores other processes kept busy between two samples: neither idle nor this process's. Unlike the load
 * average, which is a minute's average, it does not count a run that just ended (the previous command of a
 * script, a benchmark's previous round) as load. Undefined when the samples are too close to tell.
 */
export function otherProcessesLoad(from: CpuSample, to: CpuSample, cores: number): number | undefined {
  const elapsed = to.time - from.time;
  const machine = to.cores;
  // No cores listed (some sandboxes), or a different list: nothing to tell from.
  if (!(elapsed >= MIN_INTERVAL_MS) || cores < 1 || machine < 1 || from.cores !== machine) return undefined;
  const idleCores = (to.idle - from.idle) / elapsed;
  const ownCores = (to.own - from.own) / elapsed;
  // The share of the machine other processes kept busy, on the cores this process may use (a container may
  // see every core of its host in the idle times and be allowed only a few).
  const busyShare = Math.min(1, Math.max(0, (machine - idleCores - ownCores) / machine));
  return busyShare * cores;
}
