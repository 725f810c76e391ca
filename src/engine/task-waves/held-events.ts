import type { WaveRunEvent } from "./wave-events.js";

/** Events held back: delivered in order on `release` (and at once from then on), or never after `drop`. */
export interface HeldEvents {
  readonly deliver: (event: WaveRunEvent) => void;
  readonly release: () => void;
  readonly drop: () => void;
}

/**
 * The events of a wave started ahead: they reach the run's stream (and its log) only once the wave is
 * confirmed, after the wave before it ended, so readers see waves one after the other; a cancelled wave's
 * events never reach it.
 */
export function holdEvents(emit: (event: WaveRunEvent) => void): HeldEvents {
  let state: "held" | "released" | "dropped" = "held";
  let held: WaveRunEvent[] = [];
  return {
    deliver: (event) => {
      if (state === "released") emit(event);
      else if (state === "held") held.push(event);
    },
    release: () => {
      if (state !== "held") return;
      state = "released";
      const events = held;
      held = [];
      for (const event of events) emit(event);
    },
    drop: () => {
      state = "dropped";
      held = [];
    },
  };
}
