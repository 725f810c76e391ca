import type { Server } from "node:http";
import { createBoardSession } from "../../engine/dashboard/board-session.js";
import type { DashboardRoot } from "../../engine/dashboard/dashboard-roots.js";
import { EngineError } from "../../engine/errors/engine-error.js";
import { createBearerToken } from "../../mcp/http-authorization.js";
import { createChangeStream } from "./change-stream.js";
import { createDashboardApp } from "./dashboard-app.js";
import type { DashboardContext } from "./dashboard-context.js";
import { createDashboardHttpServer, type RequestTimeouts } from "./dashboard-http-server.js";
import { RunManager } from "./run-manager.js";
import type { OpenRunSession, RunBudget } from "./run-session.js";
import { defaultAssetsDirectory } from "./static-files.js";

/** Only the loopback interface: the dashboard edits the workspace, so no other machine may reach it. */
export const DASHBOARD_HOST = "127.0.0.1";

export interface DashboardOptions {
  readonly roots: readonly DashboardRoot[];
  readonly openSession: OpenRunSession;
  readonly log: (message: string) => void;
  /** Default 0: a free port. */
  readonly port?: number;
  readonly token?: string;
  readonly budget?: RunBudget;
  readonly assetsDirectory?: string;
  /** How long file changes are gathered into one `changed` event (ms). */
  readonly changeDebounceMs?: number;
  /**
   * Compute the board once right after listening, so the status and check caches are warm by the time the
   * browser asks (a cold board of 1,000 specs takes about a second; a warm one a quarter of that).
   */
  readonly prewarm?: boolean;
  /** Slow-loris bounds; the defaults suit a browser on the same machine (tests shorten them). */
  readonly timeouts?: RequestTimeouts;
}

export interface DashboardServing {
  /** `http://127.0.0.1:<port>/?token=<token>`: what the user opens once. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Cancels the active runs (their tasks go back), stops watching and closes every connection. */
  close(): Promise<void>;
}

export async function serveDashboard(options: DashboardOptions): Promise<DashboardServing> {
  const token = options.token ?? createBearerToken();
  let port = 0;
  const runs = new RunManager(options.openSession, options.budget ?? {});
  const changes = createChangeStream(options.roots, options.log, options.changeDebounceMs);
  const context: DashboardContext = {
    roots: options.roots,
    token,
    port: () => port,
    runs,
    changes,
    boards: new Map(options.roots.map((root) => [root.id, createBoardSession(root.path)])),
    assetsDirectory: options.assetsDirectory ?? defaultAssetsDirectory(),
    log: options.log,
  };
  const app = createDashboardApp(context);
  const server: Server = createDashboardHttpServer(app.fetch, options.timeouts);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, DASHBOARD_HOST, () => resolve());
    });
  } catch (error) {
    changes.close();
    throw listenFailure(error, options.port ?? 0);
  }
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The dashboard's server has no TCP address.");
  port = address.port;
  const warming = options.prewarm === true ? prewarmBoard(context) : Promise.resolve();
  const origin = `http://${DASHBOARD_HOST}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    async close() {
      changes.close();
      await runs.close();
      await warming;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Failures are left to the request that meets them again, with its error answer. */
async function prewarmBoard(context: DashboardContext): Promise<void> {
  const { boardCards } = await import("../../engine/dashboard/board-cards.js");
  for (const root of context.roots) await boardCards(root, context.boards.get(root.id)).catch(() => undefined);
}

function listenFailure(error: unknown, port: number): Error {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  if (code === "EADDRINUSE") {
    return new EngineError({
      code: "port-in-use",
      message: `Port ${port} on ${DASHBOARD_HOST} is taken by another program.`,
      fix: "Pass another --port, or leave it out for a free one.",
    });
  }
  if (code === "EACCES") {
    return new EngineError({
      code: "port-refused",
      message: `This user may not listen on port ${port}.`,
      fix: "Pass a port above 1023, or leave --port out for a free one.",
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}
