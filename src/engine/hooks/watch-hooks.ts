import { FILE_EVENTS, type HookEvent } from "../../model/hooks/hook-events.js";
import { type TreeChange, watchTree } from "../../workspace/watch-tree.js";
import { EngineError } from "../errors/engine-error.js";
import type { HookContext } from "./hook-context.js";
import { runHook } from "./run-hook.js";
import { hooksFor, type RunnableHook } from "./runnable-hook.js";
import type { WatchEvent } from "./watch-events.js";

export interface WatchHooksOptions {
  readonly debounceMs?: number;
  /** How many runs in a row, each started by changes made while the previous one ran, count as a loop. */
  readonly loopRuns?: number;
  readonly emit: (event: WatchEvent) => void;
}

export interface HookWatcher {
  readonly ready: Promise<void>;
  /** Stops watching, ends the hooks it started (their process groups) and resolves when they are gone. */
  stop(): Promise<void>;
}

const CHANGE_EVENT: Readonly<Record<TreeChange["kind"], HookEvent>> = {
  created: "file-created",
  saved: "file-saved",
  deleted: "file-deleted",
};

/** Specwright's own bookkeeping: its logs, caches and run records never trigger a hook. */
const SPECWRIGHT_OWN_FOLDERS = [".kiro/specwright"];

interface HookState {
  running: boolean;
  /** Just finished: its last writes may still be on their way (one debounce). */
  settling: boolean;
  queued: TreeChange | undefined;
  /** Runs in a row started by a change that arrived while the previous run was going. */
  chained: number;
  /** Changes that arrived during the current run (candidates for its own writes). */
  duringRun: Set<string>;
  stopped: boolean;
}

/**
 * Runs the file hooks (created / saved / deleted) as files change: a burst of writes is one change, one
 * run of a hook at a time (changes during a run queue exactly one more), and a hook whose runs keep
 * re-triggering it is stopped and reported instead of looping.
 */
export function watchHooks(context: HookContext, options: WatchHooksOptions): HookWatcher {
  const abort = new AbortController();
  const running = new Set<Promise<void>>();
  const states = new Map<string, HookState>();
  const loopRuns = options.loopRuns ?? 3;
  const hookContext: HookContext = { ...context, signal: abort.signal };
  const fileHooks = context.hooks.filter(
    (hook) => hook.enabled && hook.action !== undefined && FILE_EVENTS.includes(hook.event ?? "manual"),
  );

  const stateOf = (hook: RunnableHook): HookState => {
    let state = states.get(hook.name + hook.file);
    if (state === undefined) {
      state = { running: false, settling: false, queued: undefined, chained: 0, duringRun: new Set(), stopped: false };
      states.set(hook.name + hook.file, state);
    }
    return state;
  };

  const start = (hook: RunnableHook, change: TreeChange, chained: boolean) => {
    const state = stateOf(hook);
    state.running = true;
    state.chained = chained ? state.chained + 1 : 0;
    state.duringRun.clear();
    options.emit({ type: "hook-start", hook: hook.name, file: change.path, change: change.kind });
    const run = (async () => {
      try {
        const result = await runHook(hookContext, hook, { event: CHANGE_EVENT[change.kind], file: change.path });
        options.emit({ type: "hook-end", result });
      } catch (error) {
        const failure =
          error instanceof EngineError
            ? { code: error.code, message: error.message, fix: error.fix }
            : {
                code: "hook-failed",
                message: error instanceof Error ? error.message : String(error),
                fix: "Run it alone with `specwright hook run` to see why.",
              };
        options.emit({ type: "error", hook: hook.name, ...failure });
      }
    })();
    running.add(run);
    void run.then(() => {
      running.delete(run);
      state.running = false;
      state.settling = true;
      if (abort.signal.aborted) return;
      // Wait one debounce so the run's own last writes arrive before deciding what comes next.
      setTimeout(() => next(hook, state), (options.debounceMs ?? 150) + 50);
    });
  };

  const next = (hook: RunnableHook, state: HookState) => {
    state.settling = false;
    if (abort.signal.aborted || state.running || state.stopped) return;
    const queued = state.queued;
    state.queued = undefined;
    if (queued === undefined) {
      state.chained = 0;
      return;
    }
    if (state.chained + 1 >= loopRuns) {
      state.stopped = true;
      options.emit({ type: "hook-loop", hook: hook.name, runs: state.chained + 1, files: [...state.duringRun].sort() });
      return;
    }
    start(hook, queued, true);
  };

  const onChanges = (changes: readonly TreeChange[]) => {
    options.emit({ type: "change", changes });
    for (const change of changes) {
      for (const hook of hooksFor(fileHooks, CHANGE_EVENT[change.kind], change.path)) {
        const state = stateOf(hook);
        if (state.stopped) continue;
        if (state.running || state.settling) {
          state.duringRun.add(change.path);
          if (state.queued === undefined) options.emit({ type: "hook-queued", hook: hook.name, file: change.path });
          state.queued = change;
          continue;
        }
        start(hook, change, false);
      }
    }
  };

  const tree = watchTree(context.root, onChanges, {
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ignore: SPECWRIGHT_OWN_FOLDERS,
    onError: (error) =>
      options.emit({
        type: "error",
        code: "watch-failed",
        message: error.message,
        fix: "Start `specwright watch` again.",
      }),
  });
  const ready = tree.ready.then(({ folders, files }) => {
    options.emit({ type: "ready", folders, files, hooks: fileHooks.length });
  });
  return {
    ready,
    async stop() {
      tree.close();
      abort.abort();
      await Promise.all([...running]);
      options.emit({ type: "stopped" });
    },
  };
}
