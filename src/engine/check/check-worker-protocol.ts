import type { SpecFolder } from "../../workspace/spec-folders.js";
import type { SpecCheck } from "./check-spec-part.js";

/** What a check worker is started with. */
export interface CheckWorkerData {
  readonly root: string;
  readonly folders: readonly SpecFolder[];
  readonly batchSize: number;
  /** The text of `.kiro/settings/specwright.json` as the main thread read it, so all threads agree. */
  readonly settings?: { readonly path: string; readonly text: string };
  /** Element 0 is the index of the next batch to take; every thread takes batches with Atomics.add. */
  readonly nextBatch: Int32Array;
  /** The approved requirements text of specs changed since approval, by name (the drift rules). */
  readonly approved: ReadonlyMap<string, string>;
}

/** What a check worker posts: one message per batch it checked, then `done`. */
export type CheckWorkerMessage =
  | { readonly type: "batch"; readonly index: number; readonly specs: readonly SpecCheck[] }
  | { readonly type: "done" };
