import { cpus } from "node:os";

/** The machine's idle time and this process's CPU time at one moment. */
export interface CpuSample {
  /** `performance.now()`, in ms. */
  readonly time: number;
  /** Idle time summed over the cores, in ms. */
  readonly idle: number;
  /** CPU time this process has used, user and system, in ms. */
  readonly own: number;
}

/** Below this, the cores' idle counters (ticks of 10 ms on Linux) are too coarse to tell a load. */
const MIN_INTERVAL_MS = 40;

export function sampleCpu(): CpuSample {
  let idle = 0;
  for (const cpu of cpus()) idle += cpu.times.idle;
  const usage = process.cpuUsage();
  return { time: performance.now(), idle, own: (usage.user + usage.system) / 1000 };
}

/**
 * The cores other processes kept busy between two samples: neither idle nor this process's. Unlike the load
 * average, which is a minute's average, it does not count a run that just ended (the previous command of a
 * script, a benchmark's previous round) as load. Undefined when the samples are too close to tell.
 */
export function otherProcessesLoad(from: CpuSample, to: CpuSample, cores: number): number | undefined {
  const elapsed = to.time - from.time;
  if (!(elapsed >= MIN_INTERVAL_MS) || cores < 1) return undefined;
  const idleCores = (to.idle - from.idle) / elapsed;
  const ownCores = (to.own - from.own) / elapsed;
  return Math.min(cores, Math.max(0, cores - idleCores - ownCores));
}
