import type { BoardSession } from "../../engine/dashboard/board-session.js";
import type { DashboardRoot } from "../../engine/dashboard/dashboard-roots.js";
import type { ChangeStream } from "./change-stream.js";
import type { RunManager } from "./run-manager.js";

/** What every route shares. `port()` is known once the server listens, before any request is accepted. */
export interface DashboardContext {
  readonly roots: readonly DashboardRoot[];
  readonly token: string;
  readonly port: () => number;
  readonly runs: RunManager;
  readonly changes: ChangeStream;
  /** Each root's board session by root id, kept current by the watcher and by the routes that write. */
  readonly boards: ReadonlyMap<string, BoardSession>;
  /** `dist/dashboard/` of the package, or the folder a test gives. */
  readonly assetsDirectory: string;
  readonly log: (message: string) => void;
}
