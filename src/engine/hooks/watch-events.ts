import type { TreeChange } from "../../workspace/watch-tree.js";
import type { HookRunResult } from "./hook-run-result.js";

/** What `specwright watch` reports, one event at a time (the CLI prints each as a JSON line with --json). */
export type WatchEvent =
  | { readonly type: "ready"; readonly folders: number; readonly files: number; readonly hooks: number }
  | { readonly type: "change"; readonly changes: readonly TreeChange[] }
  | { readonly type: "hook-start"; readonly hook: string; readonly file: string; readonly change: TreeChange["kind"] }
  | { readonly type: "hook-end"; readonly result: HookRunResult }
  /** A change arrived while the hook ran: one more run is queued (however many changes come). */
  | { readonly type: "hook-queued"; readonly hook: string; readonly file: string }
  /** The hook kept triggering itself: its runs kept changing files it watches. It is stopped for this watch. */
  | { readonly type: "hook-loop"; readonly hook: string; readonly runs: number; readonly files: readonly string[] }
  | {
      readonly type: "error";
      readonly hook?: string;
      readonly code: string;
      readonly message: string;
      readonly fix: string;
    }
  | { readonly type: "stopped" };
