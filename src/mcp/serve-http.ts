import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { createSpecwrightServer, type SpecwrightServer } from "./create-server.js";
import { createBearerToken, isAuthorized } from "./http-authorization.js";
import { openServing, type ServeOptions } from "./serve-options.js";

/** Only the loopback interface: the server edits the workspace, so it is never reachable from another machine. */
export const HTTP_HOST = "127.0.0.1";
export const MCP_HTTP_PATH = "/mcp";

export interface HttpServing {
  /** `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

interface Session {
  readonly transport: StreamableHTTPServerTransport;
  readonly specwright: SpecwrightServer;
}

/**
 * Serves Streamable HTTP on 127.0.0.1 (port 0: a free one). Every request must carry
 * `Authorization: Bearer <token>`; without it the answer is 401 and nothing else happens. Each client session
 * gets its own server; all of them share one watcher of `.kiro/`.
 */
export async function serveHttp(
  options: ServeOptions & { readonly port?: number; readonly token?: string },
): Promise<HttpServing> {
  const token = options.token ?? createBearerToken();
  const { context, feed } = await openServing(options);
  const sessions = new Map<string, Session>();
  let allowedHosts: string[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
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
      const session = sessions.get(sessionId);
      if (!session) {
        reply(response, 404, "Unknown or closed session: initialize a new one.");
        return;
      }
      await session.transport.handleRequest(request, response);
      return;
    }
    // A request without a session must be an initialize; the transport answers anything else with 400.
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      enableDnsRebindingProtection: true,
      allowedHosts,
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, specwright });
      },
    });
    const specwright = createSpecwrightServer(context, feed);
    let closing = false;
    transport.onclose = () => {
      // Closing the server closes the transport again; once is enough.
      if (closing) return;
      closing = true;
      if (transport.sessionId !== undefined) sessions.delete(transport.sessionId);
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
  const { port } = address;
  allowedHosts = [`${HTTP_HOST}:${port}`, `localhost:${port}`];
  return {
    url: `http://${HTTP_HOST}:${port}${MCP_HTTP_PATH}`,
    port,
    token,
    async close() {
      feed?.close();
      await Promise.all([...sessions.values()].map((session) => session.specwright.close()));
      sessions.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function reply(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "application/json", ...headers });
  response.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32001, message }, id: null }));
}
