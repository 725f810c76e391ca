import { useEffect, useReducer } from "preact/hooks";
import { apiPaths } from "../api/api-paths";
import type { CommandRequest, RunEnd, RunEventData, RunQuestion } from "../api/api-types";
import { emptyRunState, type PendingReview, type RunMessage, type RunState, reduceRun } from "./run-state";

type Action = { readonly message: RunMessage; readonly id: number | undefined } | { readonly message: "answered" };

interface StreamState {
  readonly run: RunState;
  /** The highest message id seen: a reconnect that replays the past adds nothing twice. */
  readonly lastId: number;
}

function reducer(state: StreamState, action: Action): StreamState {
  if (action.message === "answered") return { ...state, run: reduceRun(state.run, { kind: "answered" }, Date.now()) };
  if (action.id !== undefined && action.id <= state.lastId) return state;
  return { run: reduceRun(state.run, action.message, Date.now()), lastId: action.id ?? state.lastId };
}

function messageId(event: Event): number | undefined {
  const id = Number.parseInt((event as MessageEvent<string>).lastEventId, 10);
  return Number.isNaN(id) ? undefined : id;
}

function parse<T>(event: Event): T | undefined {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return undefined;
  }
}

/**
 * Follows `/api/runs/:id/events`. The server replays past messages (each with its index as `id`) to every
 * new connection, so messages already seen are skipped; after `end` the stream is closed for good.
 */
export function useRunStream(runId: string): RunState & { answered(): void } {
  const [state, dispatch] = useReducer(reducer, { run: emptyRunState, lastId: -1 });
  useEffect(() => {
    const source = new EventSource(apiPaths.runEvents(runId), { withCredentials: true });
    const on = <T>(name: string, toMessage: (data: T) => RunMessage) => {
      source.addEventListener(name, (event) => {
        const data = parse<T>(event);
        if (data !== undefined) dispatch({ message: toMessage(data), id: messageId(event) });
        if (name === "end") source.close();
      });
    };
    on<RunEventData>("run", (event) => ({ kind: "run", event }));
    on<PendingReview>("review", (review) => ({ kind: "review", review }));
    on<RunQuestion>("question", (question) => ({ kind: "question", question }));
    on<CommandRequest>("command", (command) => ({ kind: "command", command }));
    on<{ id?: string }>("answered", (answered) => ({
      kind: "answered",
      ...(answered.id === undefined ? {} : { id: answered.id }),
    }));
    on<RunEnd>("end", (end) => ({ kind: "end", end }));
    return () => source.close();
  }, [runId]);
  return { ...state.run, answered: () => dispatch({ message: "answered" }) };
}
