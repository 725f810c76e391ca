import { useEffect, useState } from "preact/hooks";
import { apiPaths } from "../api/api-paths";

export interface LiveState {
  /** Bumped on every `changed` event: pages refetch when it moves. */
  readonly version: number;
  readonly connected: boolean;
  /** The paths of the last change, shown in the header so a reviewer sees what moved. */
  readonly lastPaths: readonly string[];
}

/** Listens to `/api/events`; the browser's EventSource reconnects by itself after a drop. */
export function useLiveVersion(): LiveState {
  const [state, setState] = useState<LiveState>({ version: 0, connected: false, lastPaths: [] });
  useEffect(() => {
    const source = new EventSource(apiPaths.changes, { withCredentials: true });
    source.addEventListener("open", () => setState((previous) => ({ ...previous, connected: true })));
    source.addEventListener("error", () => setState((previous) => ({ ...previous, connected: false })));
    source.addEventListener("changed", (event) => {
      const paths = readPaths((event as MessageEvent<string>).data);
      setState((previous) => ({ version: previous.version + 1, connected: true, lastPaths: paths }));
    });
    return () => source.close();
  }, []);
  return state;
}

function readPaths(data: string): readonly string[] {
  try {
    const parsed = JSON.parse(data) as { paths?: unknown };
    return Array.isArray(parsed.paths) ? parsed.paths.filter((path) => typeof path === "string") : [];
  } catch {
    return [];
  }
}
