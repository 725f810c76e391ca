import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** One HTTP request through node:http, which sends Host and Origin exactly as given (fetch would not). */
export function rawRequest(
  url: string,
  init: { readonly method: string; readonly headers: Record<string, string>; readonly body?: string },
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname, method: init.method, headers: init.headers },
      (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}

export const INITIALIZE_REQUEST = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
} as const;

/** The headers of an MCP request with the bearer token (and the session, once there is one). */
export function mcpHeaders(token: string, sessionId?: string): Record<string, string> {
  return {
    Authorization: `Bearer ${token}`,
    "Content-Type": "application/json",
    Accept: "application/json, text/event-stream",
    ...(sessionId === undefined ? {} : { "Mcp-Session-Id": sessionId, "MCP-Protocol-Version": "2025-06-18" }),
  };
}

/** POSTs a JSON-RPC message, in the session when one is given. */
export function postMessage(url: string, token: string, message: object, sessionId?: string): Promise<RawResponse> {
  return rawRequest(url, { method: "POST", headers: mcpHeaders(token, sessionId), body: JSON.stringify(message) });
}

/** Initializes a session and returns its id (fails the test when the server gives none). */
export async function openSession(url: string, token: string): Promise<string> {
  const response = await postMessage(url, token, INITIALIZE_REQUEST);
  const sessionId = response.headers["mcp-session-id"];
  if (typeof sessionId !== "string") throw new Error(`no session (${response.status}): ${response.body}`);
  return sessionId;
}

/** The JSON-RPC message of a response, whether sent as JSON or as one SSE event. */
export function jsonRpcOf(response: RawResponse): Record<string, unknown> {
  const data = /^data: (.*)$/m.exec(response.body)?.[1];
  return JSON.parse(data ?? response.body) as Record<string, unknown>;
}
