import { useEffect, useReducer } from "preact/hooks";
import { apiPaths } from "../api/api-paths";
import type { RunEventData, RunQuestion } from "../api/api-types";
import { emptyRunState, type PendingReview, type RunMessage, type RunState, reduceRun } from "./run-state";

type Action = RunMessage | { readonly kind: "reset" };

function reducer(state: RunState, action: Action): RunState {
  if (action.kind === "reset") return emptyRunState;
  return reduceRun(state, action, Date.now());
}

function parse<T>(event: Event): T | undefined {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return undefined;
  }
}

/**
 * Follows `/api/runs/:id/events`. The server replays a run's events to each new connection, so a reconnect
 * starts the view over instead of doubling it; after `end` the stream is closed for good.
 */
export function useRunStream(runId: string): RunState & { answered(): void } {
  const [state, dispatch] = useReducer(reducer, emptyRunState);
  useEffect(() => {
    dispatch({ kind: "reset" });
    const source = new EventSource(apiPaths.runEvents(runId), { withCredentials: true });
    source.addEventListener("open", () => dispatch({ kind: "reset" }));
    source.addEventListener("run", (event) => {
      const data = parse<RunEventData>(event);
      if (data !== undefined) dispatch({ kind: "run", event: data });
    });
    source.addEventListener("review", (event) => {
      const data = parse<PendingReview>(event);
      if (data !== undefined) dispatch({ kind: "review", review: data });
    });
    source.addEventListener("question", (event) => {
      const data = parse<RunQuestion>(event);
      if (data !== undefined) dispatch({ kind: "question", question: data });
    });
    source.addEventListener("end", (event) => {
      dispatch({ kind: "end", summary: parse<Record<string, unknown>>(event) ?? {} });
      source.close();
    });
    return () => source.close();
  }, [runId]);
  return { ...state, answered: () => dispatch({ kind: "answered" }) };
}
