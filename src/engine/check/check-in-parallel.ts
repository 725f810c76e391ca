import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { pathExists } from "../../workspace/path-exists.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { loadDataFileParsers, specPartKindsOf } from "../workspace-model/load-data-file-parsers.js";
import { checkSpecFolders, type SpecCheck, type SpecwrightSettingsFile } from "./check-spec-part.js";
import type { CheckWorkerData, CheckWorkerMessage } from "./check-worker-protocol.js";
import { type CpuSample, otherProcessesLoad, sampleCpu } from "./cpu-load.js";
import { threadPlan } from "./thread-plan.js";

/** Small enough that the threads finish together, large enough that a batch's fixed cost does not count. */
const BATCH_SIZE = 25;
/**
 * A worker's young generation (three semi-spaces' worth: 32 MB each). Parsing allocates tens of MB that die
 * with their part of five specs; in V8's default 16 MB semi-space more of them survive two scavenges and are
 * promoted, so the old generation grows and is marked again and again. Since specs are parsed five at a
 * time, 64 MB semi-spaces no longer paid for themselves: 3,000 real-sized specs on two workers, GC time the
 * same, peak memory 418 → 285-300 MB (16 MB: 250 MB, but GC time up by half); 10,000: 445 → 325 MB.
 * The main thread's young generation is fixed when Node starts, so on a large workspace the workers do all
 * the checking.
 */
const WORKER_YOUNG_GENERATION_MB = 96;

/**
 * Checks spec folders on every core: worker threads and the main thread take batches from one shared counter,
 * so a thread slowed by a busy core takes fewer. Small workspaces stay on the main thread; from 1,500 specs the
 * workers alone check, with a young generation sized for parsing, and the main thread collects. A worker
 * that fails or cannot start only costs time: the main thread checks whatever batches have no result.
 * How many threads: see `threadPlan`.
 */
export async function checkSpecFoldersInParallel(
  root: string,
  folders: readonly SpecFolder[],
  settings: SpecwrightSettingsFile,
  options: {
    /** Overrides the thread count chosen from the workspace's size and the cores: the main thread and workers, that many threads in all. */
    readonly threads?: number;
    /** Told which thread checked each batch (tests, benchmarks). */
    readonly onBatch?: (index: number, thread: "main" | "worker") => void;
    /** The main thread checks only what the workers leave undone (tests: a worker must take part). */
    readonly workersOnly?: boolean;
    /** The worker script (tests: one that fails); default `check-worker.js` beside this module. */
    readonly workerUrl?: URL;
    /** The approved requirements text of specs changed since approval, by name (the drift rules). */
    readonly approved?: ReadonlyMap<string, string>;
    /** Taken when the command started: the load of other processes since then decides the threads (else the load average). */
    readonly cpuSince?: CpuSample;
  } = {},
): Promise<SpecCheck[]> {
  const approved = options.approved ?? new Map<string, string>();
  const batches = Math.ceil(folders.length / BATCH_SIZE);
  const batch = (index: number) => folders.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE);
  const plan =
    options.threads === undefined
      ? threadPlan(folders.length, {
          cores: availableParallelism(),
          load: currentLoad(options.cpuSince),
          forced: process.env.SPECWRIGHT_CHECK_THREADS,
        })
      : { threads: options.threads, main: true };
  const threads = Math.min(plan.threads, batches);
  const workerUrl = options.workerUrl ?? new URL("./check-worker.js", import.meta.url);
  // Filled, not sparse: flatMap skips holes, and a batch a failed worker left must still be checked.
  const results: (readonly SpecCheck[] | undefined)[] = Array.from({ length: batches }, () => undefined);
  const nextBatch = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const finished: Promise<void>[] = [];
  // Run from source (tests), there is no built worker file: the main thread does it all.
  const workers = plan.main ? threads - 1 : threads;
  if (workers > 0 && (workerUrl.protocol !== "file:" || (await pathExists(fileURLToPath(workerUrl))))) {
    const data: CheckWorkerData = {
      root,
      folders,
      batchSize: BATCH_SIZE,
      nextBatch,
      approved,
      ...(settings ? { settings: { path: settings.path, text: settings.document.source.text } } : {}),
    };
    for (let count = 0; count < workers; count++) finished.push(runWorker(workerUrl, data, results, options.onBatch));
  }
  const parsers = await loadDataFileParsers(specPartKindsOf(root, folders));
  const mainTakes = finished.length === 0 || (plan.main && !options.workersOnly);
  for (let index = mainTakes ? Atomics.add(nextBatch, 0, 1) : batches; index < batches; ) {
    results[index] = await checkSpecFolders(root, batch(index), parsers, settings, approved);
    options.onBatch?.(index, "main");
    index = Atomics.add(nextBatch, 0, 1);
  }
  await Promise.all(finished);
  for (const [index, specs] of results.entries()) {
    results[index] = specs ?? (await checkSpecFolders(root, batch(index), parsers, settings, approved));
  }
  return results.flatMap((specs) => specs ?? []);
}

function runWorker(
  url: URL,
  data: CheckWorkerData,
  results: (readonly SpecCheck[] | undefined)[],
  onBatch: ((index: number, thread: "worker") => void) | undefined,
): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(url, {
        workerData: data,
        stdout: true,
        stderr: true,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
    } catch {
      resolve();
      return;
    }
    worker.on("message", (message: CheckWorkerMessage) => {
      if (message.type === "done") {
        resolve();
        return;
      }
      results[message.index] = message.specs;
      onBatch?.(message.index, "worker");
    });
    // The batches a failed worker took are checked again by the caller; the failure itself changes no result.
    worker.on("error", () => resolve());
    worker.on("exit", () => resolve());
  });
}

/** Other processes' load since `since` (the listing ran meanwhile), or the load average without a sample. */
function currentLoad(since: CpuSample | undefined): number {
  const measured = since && otherProcessesLoad(since, sampleCpu(), availableParallelism());
  return measured ?? loadavg()[0] ?? 0;
}
