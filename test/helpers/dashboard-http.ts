import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { onTestFinished } from "vitest";
import { openModelSession } from "../../src/cli/model-options.js";
import { resolveDashboardRoots } from "../../src/engine/dashboard/dashboard-roots.js";
import { type DashboardServing, serveDashboard } from "../../src/ui/server/serve-dashboard.js";

export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly json: unknown;
}

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  /** Sent exactly as given; `host` too (node's client does not override it). */
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** One HTTP request to 127.0.0.1:`port` with exactly these headers, answered in full. */
export function rawRequest(port: number, options: RawRequest): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

export interface ServerSentEvent {
  readonly id?: string;
  readonly event: string;
  readonly data: unknown;
}

/** An open SSE stream: every event so far, and a wait for the next one that matches. */
export interface EventStream {
  readonly events: ServerSentEvent[];
  waitFor(match: (event: ServerSentEvent) => boolean): Promise<ServerSentEvent>;
  close(): void;
}

export interface DashboardForTest {
  readonly serving: DashboardServing;
  readonly port: number;
  /** A request as the page sends it: own Host, the cookie, and for a body its Origin and JSON type. */
  api(method: string, path: string, body?: unknown): Promise<HttpAnswer>;
  /** Opens an SSE stream (extra headers such as `last-event-id` added to the page's own). */
  events(path: string, headers?: Record<string, string>): Promise<EventStream>;
}

/**
 * The dashboard's server on a free port over `roots` (closed after the test), its runs' model resolved from
 * `env` as `specwright ui` resolves it (tests point it at the fake OpenAI-compatible server).
 */
export async function startDashboardForTest(
  roots: readonly string[],
  options: { env?: () => Record<string, string>; assetsDirectory?: string; budget?: { maxTokens?: number } } = {},
): Promise<DashboardForTest> {
  const resolved = await resolveDashboardRoots(roots[0] ?? process.cwd(), roots);
  const serving = await serveDashboard({
    roots: resolved,
    log: () => undefined,
    changeDebounceMs: 20,
    ...(options.assetsDirectory === undefined ? {} : { assetsDirectory: options.assetsDirectory }),
    ...(options.budget === undefined ? {} : { budget: options.budget }),
    openSession: (root, onEvent) =>
      openModelSession({}, { root, command: "run", onProgress: onEvent, env: options.env?.() ?? {} }),
  });
  onTestFinished(() => serving.close());
  const port = serving.port;
  const own = { host: `127.0.0.1:${port}`, cookie: `specwright_token=${serving.token}` };
  return {
    serving,
    port,
    api(method, path, body) {
      const headers: Record<string, string> =
        method === "GET" ? own : { ...own, origin: `http://127.0.0.1:${port}`, "content-type": "application/json" };
      return rawRequest(port, { method, path, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    },
    events: (path, headers = {}) => openEventStream(port, path, { ...own, ...headers }),
  };
}

function openEventStream(port: number, path: string, headers: Record<string, string>): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const events: ServerSentEvent[] = [];
    const waiters: { match: (event: ServerSentEvent) => boolean; resolve: (event: ServerSentEvent) => void }[] = [];
    const deliver = (event: ServerSentEvent) => {
      events.push(event);
      for (const waiter of [...waiters]) {
        if (!waiter.match(event)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    };
    const request = httpRequest({ host: "127.0.0.1", port, path, headers }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`SSE ${path} answered ${response.statusCode}`));
        return;
      }
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = parseBlock(block);
          if (event !== undefined) deliver(event);
        }
      });
      resolve({
        events,
        waitFor(match) {
          const found = events.find(match);
          if (found !== undefined) return Promise.resolve(found);
          return new Promise((resolveEvent) => waiters.push({ match, resolve: resolveEvent }));
        },
        close: () => request.destroy(),
      });
    });
    request.on("error", (error) => {
      if (!request.destroyed) reject(error);
    });
    request.end();
    onTestFinished(() => {
      request.destroy();
    });
  });
}

function parseBlock(block: string): ServerSentEvent | undefined {
  let event = "message";
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "id") id = value;
    else if (field === "data") data.push(value);
  }
  if (data.length === 0) return undefined;
  const text = data.join("\n");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { event, data: parsed, ...(id === undefined ? {} : { id }) };
}
