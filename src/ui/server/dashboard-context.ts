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
  /** `dist/dashboard/` of the package, or the folder a test gives. */
  readonly assetsDirectory: string;
  readonly log: (message: string) => void;
}
