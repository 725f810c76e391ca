import type { Readable, Writable } from "node:stream";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { type JSONRPCMessage, JSONRPCMessageSchema, type RequestId } from "@modelcontextprotocol/sdk/types.js";

/** The SDK's own limit for one stdio message. */
export const MAX_LINE_BYTES = 10 * 1024 * 1024;

export interface LineStdioTransportOptions {
  readonly maxLineBytes?: number;
  /** Where a dropped line is reported for the operator (stderr). */
  readonly log?: (message: string) => void;
}

const NEWLINE = 0x0a;
/** How much of an oversize line's end is kept to find its id (the SDK writes `"id"` last). */
const TAIL_BYTES = 256;

/**
 * Newline-delimited JSON-RPC over a pair of streams, like the SDK's StdioServerTransport, except that bad input
 * is answered instead of ending the session: the SDK's transport closes on a line over its buffer (the server
 * then exits 0, losing later requests) and drops unparseable lines without a reply. Here a line over
 * `maxLineBytes` is skipped up to its newline and answered -32600, a line that is not JSON -32700 and JSON
 * that is not a JSON-RPC message -32600; the next line is served as usual.
 */
export class LineStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private readonly maxLineBytes: number;
  private readonly log: (message: string) => void;
  private pieces: Buffer[] = [];
  private lineBytes = 0;
  private tail: Buffer = Buffer.alloc(0);
  private oversize = false;

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    options: LineStdioTransportOptions = {},
  ) {
    this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.log = options.log ?? (() => undefined);
  }

  async start(): Promise<void> {
    this.input.on("data", this.onData);
    this.input.on("error", this.onInputError);
  }

  async close(): Promise<void> {
    this.input.off("data", this.onData);
    this.input.off("error", this.onInputError);
    if (this.input.listenerCount("data") === 0) this.input.pause();
    this.pieces = [];
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.output.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.output.once("drain", resolve);
    });
  }

  private readonly onInputError = (error: Error): void => {
    this.onerror?.(error);
  };

  private readonly onData = (data: Buffer | string): void => {
    const chunk = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let start = 0;
    while (start <= chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      this.collect(chunk.subarray(start, newline === -1 ? chunk.length : newline));
      if (newline === -1) return;
      this.endLine();
      start = newline + 1;
    }
  };

  private collect(piece: Buffer): void {
    if (piece.length === 0) return;
    this.lineBytes += piece.length;
    this.tail = Buffer.concat([this.tail, piece.subarray(-TAIL_BYTES)]).subarray(-TAIL_BYTES);
    if (this.oversize || this.lineBytes > this.maxLineBytes) {
      // Past the limit only the tail is kept: enough to find the id, never the line.
      this.oversize = true;
      this.pieces = [];
      return;
    }
    this.pieces.push(piece);
  }

  private endLine(): void {
    const bytes = this.lineBytes;
    const oversize = this.oversize;
    const line = oversize ? "" : Buffer.concat(this.pieces).toString("utf8").replace(/\r$/, "");
    const tail = oversize ? this.tail.toString("utf8") : "";
    this.pieces = [];
    this.lineBytes = 0;
    this.tail = Buffer.alloc(0);
    this.oversize = false;
    if (oversize) {
      this.log(`specwright mcp: dropped a line of ${bytes} bytes (the limit is ${this.maxLineBytes}).`);
      this.replyError(
        idAtEnd(tail),
        -32600,
        `Invalid Request: a message of ${bytes} bytes is over the limit of ${this.maxLineBytes} bytes and was dropped. Send smaller messages (large content belongs in files).`,
      );
      return;
    }
    if (line.trim() === "") return;
    this.receive(line);
  }

  private receive(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.replyError(null, -32700, `Parse error: the line is not JSON (${reason}). Send one JSON-RPC message a line.`);
      return;
    }
    const message = JSONRPCMessageSchema.safeParse(value);
    if (!message.success) {
      this.replyError(
        idOf(value),
        -32600,
        "Invalid Request: the line is JSON but not a JSON-RPC 2.0 message (jsonrpc, and method or result or error).",
      );
      return;
    }
    this.onmessage?.(message.data);
  }

  private replyError(id: RequestId | null, code: number, message: string): void {
    // JSON-RPC answers what cannot be attributed with id null; the SDK's message type has no place for it.
    this.output.write(`${JSON.stringify({ jsonrpc: "2.0", id, error: { code, message } })}\n`);
  }
}

function idOf(value: unknown): RequestId | null {
  if (typeof value !== "object" || value === null || !("id" in value)) return null;
  const { id } = value;
  return typeof id === "string" || typeof id === "number" ? id : null;
}

/** The id of a top-level `"id": …` that ends the line (`…,"id":7}`), as the SDK serializes requests. */
function idAtEnd(tail: string): RequestId | null {
  const match = /[,{]\s*"id"\s*:\s*(-?\d+|"[^"\\]*")\s*\}\s*\r?$/.exec(tail);
  if (!match?.[1]) return null;
  return match[1].startsWith('"') ? match[1].slice(1, -1) : Number(match[1]);
}
