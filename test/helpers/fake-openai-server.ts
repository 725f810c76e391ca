import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

/** A tool call the fake model makes; `arguments` is sent as given when a string (so tests can send bad JSON). */
export interface FakeToolCall {
  readonly name: string;
  readonly arguments: Record<string, unknown> | string;
  readonly id?: string;
}

export interface FakeUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/**
 * One scripted answer, used for the next request:
 * - `{ text }`: an assistant reply (also invalid JSON, when a test wants it);
 * - `{ toolCalls }`: tool calls (finish reason `tool_calls`), with optional `text` before them;
 * - `{ status }`: an HTTP error, e.g. `{ status: 429, headers: { "retry-after": "1" } }` or `{ status: 500 }`;
 * - `{ hang: true }`: never answers, so the client's time-out must end the request;
 * - `{ cutAfterChars }`: sends that many characters of `text` (default: a long filler) and drops the connection
 *   (with `closeCleanly`, ends the response properly but before the finish chunk, as a proxy cutting it might);
 * - `{ stallAfterChars }`: sends that many characters, then stays silent with the connection open;
 * - `{ streamError }`: starts a stream (with `text` first, if given), then sends the error object inside it,
 *   as llama.cpp and vLLM do when generation fails after the headers went out;
 * - `{ contextOverflow }`: the 400 a server sends for a prompt larger than its window, in llama.cpp's words
 *   (`exceed_context_size_error` with `n_ctx`) or OpenAI's (`context_length_exceeded`).
 * Text and tool-call replies also take the pace of a slow local model: `delayMs` before the first byte (a
 * CPU reading the prompt), `chunkDelayMs` between streamed chunks (steady tokens), `trickleMs` to send the
 * whole response one byte at a time at that interval (alive, but never finishing in reasonable time).
 */
export type FakeReply =
  | ({ readonly text: string; readonly usage?: FakeUsage; readonly finishReason?: string } & FakePace)
  | ({ readonly toolCalls: readonly FakeToolCall[]; readonly text?: string; readonly usage?: FakeUsage } & FakePace)
  | { readonly streamError: Readonly<Record<string, unknown>>; readonly text?: string }
  | {
      readonly contextOverflow: "llama.cpp" | "openai";
      readonly contextTokens: number;
      readonly promptTokens?: number;
    }
  | { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string }
  | { readonly hang: true }
  | { readonly cutAfterChars: number; readonly text?: string; readonly closeCleanly?: boolean }
  | { readonly stallAfterChars: number; readonly text?: string }
  /** Runs `act` (something happening on the machine while the model "thinks"), then answers with `reply`. */
  | { readonly act: () => Promise<void>; readonly reply: FakeReply };

/** How fast a reply comes (see FakeReply). */
export interface FakePace {
  readonly delayMs?: number;
  readonly chunkDelayMs?: number;
  readonly trickleMs?: number;
}

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body (`undefined` when it was not JSON). */
  readonly body: FakeRequestBody | undefined;
  readonly rawBody: string;
}

/** The parts of a chat-completions request body tests look at; everything else is kept too. */
export interface FakeRequestBody {
  readonly model?: string;
  readonly stream?: boolean;
  readonly messages?: readonly { readonly role: string; readonly content: unknown }[];
  readonly response_format?: { readonly type: string };
  readonly tools?: readonly unknown[];
  readonly [key: string]: unknown;
}

export interface FakeOpenAiServer {
  /** Base URL to give the client, ending in `/v1`. */
  readonly url: string;
  /**
   * Every request received, in order (including those answered with an error or left hanging), except the
   * `GET /props` a client asks to learn the window: those are counted in `propsRequests`.
   */
  readonly requests: FakeRequest[];
  /**
   * The window `GET /props` reports, as llama.cpp's server does (`default_generation_settings.n_ctx`);
   * undefined (the default): 404, as Ollama, vLLM and LM Studio answer.
   */
  contextTokens: number | undefined;
  /** How often `GET /props` was asked. */
  readonly propsRequests: number;
  /** Adds replies to the end of the script. */
  push(...replies: FakeReply[]): void;
  /**
   * Answers each request from what it says instead of the script (agents running at once ask in no set
   * order); `undefined` from it falls back to the script.
   */
  respondWith(responder: ((request: FakeRequest) => FakeReply | undefined) | undefined): void;
  /** Replies not used yet. */
  remaining(): number;
  /** `{ hang: true }` replies whose client is still connected (a cancel must close the connection). */
  hanging(): number;
  close(): Promise<void>;
}

/** The fake server of the current test, closed after it (see `useFakeOpenAiServer`). */
export interface FakeOpenAiServerPerTest {
  /** This test's server; `undefined` until `start` ran. */
  readonly current: FakeOpenAiServer | undefined;
  /** Starts this test's server with `script` (closing the one it replaces). */
  start(script?: readonly FakeReply[]): Promise<FakeOpenAiServer>;
}

/** Gives each test of the calling file (or `describe` block) its own fake server, closed after the test. */
export function useFakeOpenAiServer(): FakeOpenAiServerPerTest {
  let current: FakeOpenAiServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get current() {
      return current;
    },
    async start(script = []) {
      await current?.close();
      current = await startFakeOpenAiServer(script);
      return current;
    },
  };
}

const LONG_FILLER = "This reply is cut in the middle of a sentence because the connection drops. ".repeat(20);

/**
 * An OpenAI-compatible `POST /v1/chat/completions` on 127.0.0.1 (random port) that replays a script,
 * streaming (SSE, with a final usage chunk when `stream_options.include_usage`) or not, as the client asks.
 * It exercises the real provider client, faults included, with no network beyond loopback.
 */
export async function startFakeOpenAiServer(script: readonly FakeReply[] = []): Promise<FakeOpenAiServer> {
  const queue: FakeReply[] = [...script];
  const requests: FakeRequest[] = [];
  let sequence = 0;
  let responder: ((request: FakeRequest) => FakeReply | undefined) | undefined;
  const props = { contextTokens: undefined as number | undefined, requests: 0 };
  const hung = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    readBody(request).then(
      (rawBody) => {
        if (request.method === "GET" && request.url === "/props") {
          props.requests += 1;
          if (props.contextTokens === undefined) sendJson(response, 404, { error: { message: "File Not Found" } });
          else sendJson(response, 200, { default_generation_settings: { n_ctx: props.contextTokens }, total_slots: 1 });
          return;
        }
        const fakeRequest: FakeRequest = {
          method: request.method ?? "",
          path: request.url ?? "",
          headers: request.headers,
          body: parseBody(rawBody),
          rawBody,
        };
        requests.push(fakeRequest);
        if (request.method !== "POST" || !(request.url ?? "").endsWith("/chat/completions")) {
          sendJson(response, 404, {
            error: { message: `fake-openai-server: no route ${request.method} ${request.url}` },
          });
          return;
        }
        const reply = responder?.(fakeRequest) ?? queue.shift();
        if (reply === undefined) {
          // 400, not 5xx: the client must not retry a test that ran out of script, it must fail loudly.
          sendJson(response, 400, { error: { message: "fake-openai-server: no scripted reply left" } });
          return;
        }
        sequence += 1;
        if ("hang" in reply) {
          hung.add(response);
          response.on("close", () => hung.delete(response));
        }
        answer(response, reply, fakeRequest.body, `chatcmpl-fake-${sequence}`);
      },
      () => response.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get contextTokens() {
      return props.contextTokens;
    },
    set contextTokens(tokens) {
      props.contextTokens = tokens;
    },
    get propsRequests() {
      return props.requests;
    },
    push: (...replies) => {
      queue.push(...replies);
    },
    respondWith: (next) => {
      responder = next;
    },
    remaining: () => queue.length,
    hanging: () => hung.size,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(response: ServerResponse, reply: FakeReply, body: FakeRequestBody | undefined, id: string): void {
  if ("act" in reply) {
    reply.act().then(
      () => answer(response, reply.reply, body, id),
      () => response.destroy(),
    );
    return;
  }
  if ("hang" in reply) return;
  if ("status" in reply) {
    response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    response.end(reply.body ?? JSON.stringify({ error: { message: `fake-openai-server: scripted ${reply.status}` } }));
    return;
  }
  const model = body?.model ?? "fake-model";
  const streaming = body?.stream === true;
  if ("contextOverflow" in reply) {
    sendJson(response, 400, contextOverflowBody(reply, body));
    return;
  }
  if ("streamError" in reply) {
    startStream(response);
    if (reply.text !== undefined)
      writeEvent(response, chunk(id, model, { role: "assistant", content: reply.text }, null));
    writeEvent(response, { error: reply.streamError });
    response.write("data: [DONE]\n\n");
    response.end();
    return;
  }
  if ("cutAfterChars" in reply || "stallAfterChars" in reply) {
    const cut = "cutAfterChars" in reply;
    const text = (reply.text ?? LONG_FILLER).slice(0, cut ? reply.cutAfterChars : reply.stallAfterChars);
    if (streaming) {
      startStream(response);
      writeEvent(response, chunk(id, model, { role: "assistant", content: text }, null));
    } else {
      response.writeHead(200, { "content-type": "application/json" });
      response.write(JSON.stringify(completion(id, model, text, undefined, "stop", usageOf(body, text))).slice(0, 40));
    }
    // Let the bytes leave before the connection drops, as a server crashing mid-reply would.
    if ("closeCleanly" in reply && reply.closeCleanly === true) response.end();
    else if (cut) setTimeout(() => response.destroy(), 20);
    return;
  }
  const text = "text" in reply ? (reply.text ?? "") : "";
  const toolCalls = "toolCalls" in reply ? reply.toolCalls : undefined;
  const finishReason =
    toolCalls !== undefined ? "tool_calls" : "finishReason" in reply ? (reply.finishReason ?? "stop") : "stop";
  const usage = reply.usage ?? usageOf(body, text + JSON.stringify(toolCalls ?? []));
  if (!streaming) {
    later(response, reply.delayMs, () =>
      sendJson(response, 200, completion(id, model, text, toolCalls, finishReason, usage)),
    );
    return;
  }
  const events: Record<string, unknown>[] = [chunk(id, model, { role: "assistant", content: "" }, null)];
  for (const piece of splitText(text)) events.push(chunk(id, model, { content: piece }, null));
  toolCalls?.forEach((call, index) => {
    events.push(chunk(id, model, { tool_calls: [{ index, ...toolCallJson(call, index) }] }, null));
  });
  events.push(chunk(id, model, {}, finishReason));
  const includeUsage = isRecord(body?.stream_options) && body.stream_options.include_usage === true;
  if (includeUsage) events.push({ ...chunkBase(id, model), choices: [], usage: usageJson(usage) });
  const pieces = [...events.map((event) => `data: ${JSON.stringify(event)}\n\n`), "data: [DONE]\n\n"];
  later(response, reply.delayMs, () => {
    startStream(response);
    if (reply.trickleMs !== undefined) writePaced(response, [...pieces.join("")], reply.trickleMs);
    else writePaced(response, pieces, reply.chunkDelayMs ?? 0);
  });
}

/** Runs `send` after `delayMs` (at once without one), unless the client has gone meanwhile. */
function later(response: ServerResponse, delayMs: number | undefined, send: () => void): void {
  if (delayMs === undefined) {
    send();
    return;
  }
  setTimeout(() => {
    if (!response.destroyed) send();
  }, delayMs);
}

/** Writes the pieces `intervalMs` apart (all at once at 0), then ends; stops when the client goes. */
function writePaced(response: ServerResponse, pieces: readonly string[], intervalMs: number): void {
  if (intervalMs <= 0) {
    for (const piece of pieces) response.write(piece);
    response.end();
    return;
  }
  let index = 0;
  const timer = setInterval(() => {
    if (response.destroyed) {
      clearInterval(timer);
      return;
    }
    const piece = pieces[index];
    index += 1;
    if (piece !== undefined) response.write(piece);
    if (index >= pieces.length) {
      clearInterval(timer);
      response.end();
    }
  }, intervalMs);
  response.on("close", () => clearInterval(timer));
}

/** What llama.cpp's server and OpenAI answer to a prompt larger than the window. */
function contextOverflowBody(
  reply: {
    readonly contextOverflow: "llama.cpp" | "openai";
    readonly contextTokens: number;
    readonly promptTokens?: number;
  },
  body: FakeRequestBody | undefined,
): Record<string, unknown> {
  const promptTokens = reply.promptTokens ?? usageOf(body, "").inputTokens;
  if (reply.contextOverflow === "llama.cpp") {
    return {
      error: {
        code: 400,
        message: "the request exceeds the available context size, try increasing it",
        type: "exceed_context_size_error",
        n_prompt_tokens: promptTokens,
        n_ctx: reply.contextTokens,
      },
    };
  }
  return {
    error: {
      message: `This model's maximum context length is ${reply.contextTokens} tokens. However, your messages resulted in ${promptTokens} tokens. Please reduce the length of the messages.`,
      type: "invalid_request_error",
      param: "messages",
      code: "context_length_exceeded",
    },
  };
}

function completion(
  id: string,
  model: string,
  text: string,
  toolCalls: readonly FakeToolCall[] | undefined,
  finishReason: string,
  usage: FakeUsage,
): Record<string, unknown> {
  return {
    id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: text,
          ...(toolCalls !== undefined ? { tool_calls: toolCalls.map(toolCallJson) } : {}),
        },
        finish_reason: finishReason,
      },
    ],
    usage: usageJson(usage),
  };
}

function toolCallJson(call: FakeToolCall, index: number): Record<string, unknown> {
  return {
    id: call.id ?? `call_${index + 1}`,
    type: "function",
    function: {
      name: call.name,
      arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
    },
  };
}

function chunkBase(id: string, model: string): Record<string, unknown> {
  return { id, object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model };
}

function chunk(id: string, model: string, delta: Record<string, unknown>, finishReason: string | null) {
  return { ...chunkBase(id, model), choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

function usageJson(usage: FakeUsage): Record<string, number> {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

/** Roughly four characters a token, so tests of budgets get numbers that grow with the text. */
function usageOf(body: FakeRequestBody | undefined, output: string): FakeUsage {
  return {
    inputTokens: Math.max(1, Math.ceil(JSON.stringify(body?.messages ?? []).length / 4)),
    outputTokens: Math.max(1, Math.ceil(output.length / 4)),
  };
}

function splitText(text: string): string[] {
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += 16) pieces.push(text.slice(index, index + 16));
  return pieces;
}

function startStream(response: ServerResponse): void {
  response.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
}

function writeEvent(response: ServerResponse, data: unknown): void {
  response.write(`data: ${JSON.stringify(data)}\n\n`);
}

function sendJson(response: ServerResponse, status: number, data: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(data));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (part: string) => {
      text += part;
    });
    request.on("end", () => resolve(text));
    request.on("error", reject);
  });
}

function parseBody(rawBody: string): FakeRequestBody | undefined {
  try {
    const value: unknown = JSON.parse(rawBody);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
