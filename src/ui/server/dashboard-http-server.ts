import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { getRequestListener } from "@hono/node-server";
import type { ApiError } from "./error-response.js";

/** How long a client may take to send a request's headers, and the whole request (body included). */
export interface RequestTimeouts {
  readonly headersMs: number;
  readonly requestMs: number;
}

/**
 * Slow-loris bounds. Both timers stop once the request is in, so an SSE stream (a GET without a body) lives
 * as long as the page keeps it open.
 */
export const DEFAULT_TIMEOUTS: RequestTimeouts = { headersMs: 10_000, requestMs: 30_000 };

/**
 * The node server under the Hono app: short timeouts, and what node's parser refuses (garbage, a request
 * too slow, a Host that is not a host) is answered with the API's JSON error shape, not a bare 400.
 */
export function createDashboardHttpServer(
  fetch: (request: Request) => Response | Promise<Response>,
  timeouts: RequestTimeouts = DEFAULT_TIMEOUTS,
): Server {
  const listener = getRequestListener(fetch, {
    // The request could not be turned into a URL (an empty or malformed Host): no route would have it.
    errorHandler: () =>
      Response.json(
        {
          error: {
            code: "bad-request",
            message: "The request's Host or target is not a URL of this server.",
            fix: "Open the dashboard at the URL `specwright ui` printed.",
          },
        },
        { status: 400, headers: { connection: "close", "x-content-type-options": "nosniff" } },
      ),
  });
  const server = createServer(
    {
      // The guard refuses a request without Host itself, in JSON with a fix (node would send a bare 400).
      requireHostHeader: false,
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      // Node checks the two timers at this interval (30 s by default, which would stretch them).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 2))),
    },
    listener,
  );
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket));
  return server;
}

function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const timedOut = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const status = timedOut
    ? "408 Request Timeout"
    : tooLarge
      ? "431 Request Header Fields Too Large"
      : "400 Bad Request";
  const body: { error: ApiError } = {
    error: timedOut
      ? {
          code: "request-timeout",
          message: "The request took too long to arrive.",
          fix: "Send the whole request at once.",
        }
      : {
          code: tooLarge ? "headers-too-large" : "bad-request",
          message: tooLarge ? "The request's headers are too large." : "The request is not valid HTTP/1.1.",
          fix: "Send a well-formed HTTP request (see docs/ui-api.md).",
        },
  };
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${text}`,
  );
}
