import { parentPort, workerData } from "node:worker_threads";
import { loadDataFileParsers, specPartKindsOf } from "../workspace-model/load-data-file-parsers.js";
import { checkSpecFolders } from "./check-spec-part.js";
import type { CheckWorkerData, CheckWorkerMessage } from "./check-worker-protocol.js";

// A worker thread of `check` on a large workspace: it takes batches of spec folders until none is left.
const data = workerData as CheckWorkerData;
// Like the main thread, the worker loads only the parsers its files need (no zod for markdown specs alone).
const kinds = specPartKindsOf(data.root, data.folders);
if (data.settings) kinds.add("specwright-settings");
const parsers = await loadDataFileParsers(kinds);
const settings = data.settings && {
  path: data.settings.path,
  document: parsers["specwright-settings"](data.settings.text),
};
const batches = Math.ceil(data.folders.length / data.batchSize);
const post = (message: CheckWorkerMessage) => parentPort?.postMessage(message);
for (let index = Atomics.add(data.nextBatch, 0, 1); index < batches; index = Atomics.add(data.nextBatch, 0, 1)) {
  const folders = data.folders.slice(index * data.batchSize, (index + 1) * data.batchSize);
  post({ type: "batch", index, specs: await checkSpecFolders(data.root, folders, parsers, settings, data.approved) });
}
post({ type: "done" });
