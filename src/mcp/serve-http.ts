import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { createSpecwrightServer } from "./create-server.js";
import { createBearerToken, isAuthorized } from "./http-authorization.js";
import { foreignRequestRefusal } from "./http-origin.js";
import { DEFAULT_SESSION_LIMITS, HttpSessions, type SessionLimits } from "./http-sessions.js";
import { openServing, type ServeOptions } from "./serve-options.js";

/** Only the loopback interface: the server edits the workspace, so it is never reachable from another machine. */
export const HTTP_HOST = "127.0.0.1";
export const MCP_HTTP_PATH = "/mcp";

export interface HttpServing {
  /** `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Sessions live now (initialized, neither closed nor expired). */
  sessionCount(): number;
  close(): Promise<void>;
}

export interface HttpServeOptions extends ServeOptions {
  readonly port?: number;
  readonly token?: string;
  /** Idle expiry and cap of the sessions (default `DEFAULT_SESSION_LIMITS`). */
  readonly sessions?: Partial<SessionLimits>;
}

/**
 * Serves Streamable HTTP on 127.0.0.1 (port 0: a free one). A request whose Host or Origin is not the server's
 * own is refused with 403; every other request must carry `Authorization: Bearer <token>`, or the answer is 401
 * and nothing else happens. Each client session gets its own server, closed on DELETE or when idle; all of them
 * share one watcher of `.kiro/`.
 */
export async function serveHttp(options: HttpServeOptions): Promise<HttpServing> {
  const token = options.token ?? createBearerToken();
  const { context, feed } = await openServing(options);
  const sessions = new HttpSessions({ ...DEFAULT_SESSION_LIMITS, ...options.sessions }, options.log);
  let port = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const foreign = foreignRequestRefusal(request.headers, port);
    if (foreign !== undefined) {
      reply(response, 403, foreign);
      return;
    }
    if (!isAuthorized(request.headers.authorization, token)) {
      reply(response, 401, "Missing or wrong bearer token.", { "WWW-Authenticate": 'Bearer realm="specwright"' });
      return;
    }
    if (new URL(request.url ?? "/", "http://localhost").pathname !== MCP_HTTP_PATH) {
      reply(response, 404, `Not found: the MCP endpoint is ${MCP_HTTP_PATH}.`);
      return;
    }
    const sessionId = request.headers["mcp-session-id"];
    if (typeof sessionId === "string") {
      const transport = sessions.use(sessionId, response);
      if (!transport) {
        reply(response, 404, "Unknown, closed or expired session: initialize a new one.");
        return;
      }
      await transport.handleRequest(request, response);
      return;
    }
    const full = sessions.refusal();
    if (full !== undefined) {
      reply(response, 503, full, { "Retry-After": "1" });
      return;
    }
    await sessions.opened(() => openSession(request, response));
  };

  /** A request without a session must be an initialize; the transport answers anything else with 400. */
  const openSession = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const specwright = createSpecwrightServer(context, feed);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (id) => sessions.add(id, transport, specwright, response),
    });
    let closing = false;
    transport.onclose = () => {
      // Closing the server closes the transport again; once is enough.
      if (closing) return;
      closing = true;
      if (transport.sessionId !== undefined) sessions.remove(transport.sessionId);
      void specwright.close();
    };
    await specwright.server.connect(transport);
    await transport.handleRequest(request, response);
    if (transport.sessionId === undefined) await specwright.close();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log(`specwright mcp: request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) reply(response, 500, "Internal error; see the server's log.");
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, HTTP_HOST, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The HTTP server has no TCP address.");
  port = address.port;
  return {
    url: `http://${HTTP_HOST}:${port}${MCP_HTTP_PATH}`,
    port,
    token,
    sessionCount: () => sessions.size,
    async close() {
      feed?.close();
      await sessions.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function reply(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "application/json", ...headers });
  response.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32001, message }, id: null }));
}
