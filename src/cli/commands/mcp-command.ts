import { serveHttp } from "../../mcp/serve-http.js";
import { serveStdio } from "../../mcp/serve-stdio.js";
import { runCommand } from "../command-output.js";

const log = (message: string) => {
  process.stderr.write(`${message}\n`);
};

export interface McpOptions {
  readonly root?: string;
  readonly http?: boolean;
  readonly port?: number;
  readonly watch?: boolean;
  /** Seconds; commander's default applies. */
  readonly sessionIdleTimeout?: number;
  readonly maxSessions?: number;
}

/**
 * `specwright mcp`: stdout belongs to the protocol, so anything that would print there (a stray console.log
 * in a dependency) is sent to stderr while the server runs.
 */
export async function mcpCommand(options: McpOptions, version: string): Promise<void> {
  const workspace = { cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) };
  const watch = options.watch !== false;
  await runCommand(false, async () => {
    if (!options.http) {
      console.log = console.error;
      console.info = console.error;
      console.debug = console.error;
      await serveStdio({ workspace, version, log, watch });
      return undefined;
    }
    const serving = await serveHttp({
      workspace,
      version,
      log,
      watch,
      ...(options.port === undefined ? {} : { port: options.port }),
      sessions: {
        ...(options.sessionIdleTimeout === undefined ? {} : { idleTimeoutMs: options.sessionIdleTimeout * 1000 }),
        ...(options.maxSessions === undefined ? {} : { maxSessions: options.maxSessions }),
      },
    });
    // Listening for the signals before the token is printed: whoever reads it may stop the server at once.
    const stopped = new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    log(`specwright mcp ${version}: serving Streamable HTTP on ${serving.url}`);
    log(`Authorization: Bearer ${serving.token}`);
    log("Every request needs that header; the token changes at each start. Stop with Ctrl-C.");
    await stopped;
    await serving.close();
    return undefined;
  });
}
