import { EngineError } from "../errors/engine-error.js";
import type { PreviousVerification } from "../runner/run-one-task.js";
import type { TaskOutcome } from "../runner/run-summary.js";
import { holdEvents } from "./held-events.js";
import type { WaveRunEvent } from "./wave-events.js";

/** A verification of a tree a task starts from: its commit and how many tests ran there. */
export type Baseline = PreviousVerification;

/** A task of a wave, run in its worktree. */
export interface WorktreeRun {
  readonly taskId: string;
  readonly outcome: TaskOutcome;
  /** The task's work as a commit on the wave's base, runner bookkeeping left out; only when done. */
  readonly commit: string | undefined;
  readonly path: string;
  readonly branch: string;
}

/** A wave's tasks at work: each one's run, in plan order, and those already finished. */
export interface StartedWave {
  readonly base: string;
  readonly started: readonly Promise<WorktreeRun>[];
  readonly finished: (WorktreeRun | undefined)[];
  /** Settles once every task's agent is done. */
  readonly agentsDone: Promise<unknown>;
}

/** A wave started ahead: confirmed once the wave before ended with the work it started on, else cancelled. */
export interface AheadWave {
  readonly wave: number;
  /** The merge of the wave before it was started on; the wave before must end with the same work. */
  readonly candidate: string;
  /** The wave's tasks, now under way as any wave's; undefined when its base could not be made (nothing started). */
  readonly confirm: () => Promise<StartedWave | undefined>;
  readonly cancel: () => Promise<void>;
}

export interface StartWaveAheadInput {
  readonly wave: { readonly index: number; readonly taskIds: readonly string[] };
  readonly candidate: string;
  /** The wave's base: the main tree as the candidate will leave it. */
  readonly base: () => Promise<string>;
  /** Starts the wave's tasks on `base`, their setup waiting for `accepted`, their events to `deliver`. */
  readonly start: (
    base: string,
    accepted: Promise<Baseline | undefined>,
    deliver: (event: WaveRunEvent) => void,
  ) => StartedWave;
  /** The baseline a base has once the wave before ended (the last merge's test count, when the work is the same). */
  readonly baselineOf: (base: string) => Promise<Baseline | undefined>;
  /** Agents at most at once, and their limit. */
  readonly agents: number;
  readonly agentLimit: <T>(work: () => Promise<T>) => Promise<T>;
  readonly emit: (event: WaveRunEvent) => void;
  /** Marks a task `[~]` in the main tree's tasks.md. */
  readonly markStarted: (taskId: string) => Promise<unknown>;
  /** Removes the worktrees (and branches) of the given runs. */
  readonly close: (runs: readonly WorktreeRun[]) => Promise<void>;
}

/**
 * The next wave started before the one before it ends (once its agents are done, or at its completing
 * merge), on the main tree as `candidate`, the merge of that wave's work, will leave it. Its tasks' setup
 * waits for `confirm` (their first model request is out, its answer held), their events are held and their
 * `[~]` not written: `cancel` leaves no trace of them.
 */
export function startWaveAhead(input: StartWaveAheadInput): AheadWave {
  const { wave } = input;
  let settle: { confirm: (baseline: Baseline | undefined) => void; refuse: (reason: Error) => void } = {
    confirm: () => undefined,
    refuse: () => undefined,
  };
  const accepted = new Promise<Baseline | undefined>((confirm, refuse) => {
    settle = { confirm, refuse };
  });
  // Refused before a task awaits it, it must not be an unhandled rejection.
  accepted.catch(() => undefined);
  const events = holdEvents(input.emit);
  const starting = input.base().then((base) => input.start(base, accepted, events.deliver));
  starting.catch(() => undefined);
  return {
    wave: wave.index,
    candidate: input.candidate,
    confirm: async () => {
      // Its base could not be made: nothing of it started, and the wave starts as usual.
      const started = await starting.catch(() => undefined);
      if (started === undefined) return undefined;
      const baseline = await input.baselineOf(started.base);
      // The tasks that went without an agent slot take one now (the wave before freed them all), before
      // the confirmation lets the others queue for theirs.
      for (const run of started.started.slice(0, input.agents)) {
        void input.agentLimit(() => run.catch(() => undefined));
      }
      settle.confirm(baseline);
      input.emit({ type: "wave-start", wave: wave.index, taskIds: wave.taskIds, base: started.base, ahead: true });
      for (const taskId of wave.taskIds) await input.markStarted(taskId);
      events.release();
      return started;
    },
    cancel: async () => {
      events.drop();
      settle.refuse(
        new EngineError({
          code: "wave-base-refused",
          message: `Wave ${wave.index} started ahead on work the wave before did not end with.`,
          fix: "Nothing to do: the wave starts again once the tasks before it are merged.",
        }),
      );
      const started = await starting.catch(() => undefined);
      if (started === undefined) return;
      const runs = (await Promise.allSettled(started.started)).flatMap((result) =>
        result.status === "fulfilled" ? [result.value] : [],
      );
      await input.close(runs);
    },
  };
}
