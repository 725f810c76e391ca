/**
 * Specs per checking thread. A worker costs a new isolate that compiles Node's internals, the parsers and the
 * rules again, and on two cores V8's own GC and compiler threads already use the second one. Measured on
 * 2 cores (cold `check --format json --no-cache`, medians of alternated runs, CPU / wall): 1,000 generated specs
 * 1.55 / 1.00 s on the main thread alone, 2.23 / 1.24 s with a worker beside it; 3,000: 2.52 / 1.91 s alone,
 * 3.35 / 1.82 s with a worker; 10,000: 5.2 / 5.0 s on one thread, 6.8 / 3.6 s on two workers, and 10,000
 * real-sized specs 13.2 / 12.4 s against 15.3 / 8.1 s. So a second thread from 4,000 specs, not 600.
 */
const MIN_SPECS_PER_THREAD = 2000;
/** Specs from which the workers alone check: what the main thread would save by a worker's faster GC then outweighs one more isolate's start-up. */
const MIN_SPECS_FOR_WORKERS_ONLY = 1500;

/** How many threads check, and whether the main thread is one of them. */
export interface ThreadPlan {
  readonly threads: number;
  readonly main: boolean;
}

/**
 * Threads: one per 2,000 specs, up to the idle cores (the cores less the load of other processes, rounded), at
 * least one; the main
 * thread checks below 1,500 specs. `forced` (`SPECWRIGHT_CHECK_THREADS`) overrides that: 1 is the main thread
 * alone, more are that many workers.
 */
export function threadPlan(
  specs: number,
  machine: { readonly cores: number; readonly load: number; readonly forced?: string | undefined },
): ThreadPlan {
  const forced = Number.parseInt(machine.forced ?? "", 10);
  if (Number.isInteger(forced) && forced >= 1) return { threads: forced, main: forced === 1 };
  // Only idle cores help: on a machine already busier than its cores, more isolates are pure cost. Rounded,
  // not floored: a core that is nine tenths idle is a core to use.
  const idle = Math.round(machine.cores - machine.load);
  const threads = Math.max(1, Math.min(idle, Math.floor(specs / MIN_SPECS_PER_THREAD)));
  return { threads, main: specs < MIN_SPECS_FOR_WORKERS_ONLY };
}
