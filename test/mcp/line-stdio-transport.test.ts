import { PassThrough } from "node:stream";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { LineStdioTransport } from "../../src/mcp/line-stdio-transport.js";

/** A started transport on in-memory streams, with what it delivered, answered and logged. */
async function transportOnStreams(maxLineBytes?: number) {
  const input = new PassThrough();
  const output = new PassThrough();
  const received: JSONRPCMessage[] = [];
  const logs: string[] = [];
  let written = "";
  output.setEncoding("utf8").on("data", (chunk: string) => {
    written += chunk;
  });
  const transport = new LineStdioTransport(input, output, {
    ...(maxLineBytes === undefined ? {} : { maxLineBytes }),
    log: (line) => logs.push(line),
  });
  transport.onmessage = (message) => received.push(message);
  await transport.start();
  const feed = async (...chunks: (string | Buffer)[]) => {
    for (const chunk of chunks) input.write(chunk);
    await new Promise((resolve) => setImmediate(resolve));
  };
  const answers = () =>
    written
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { transport, feed, received, logs, answers };
}

const ping = (id: number) => JSON.stringify({ jsonrpc: "2.0", id, method: "ping" });

describe("LineStdioTransport", () => {
  it("delivers messages split over chunks, several in one chunk, with CRLF and a character split in two", async () => {
    const { feed, received, answers } = await transportOnStreams();
    const text = JSON.stringify({ jsonrpc: "2.0", method: "notifications/message", params: { data: "été ✓" } });
    const bytes = Buffer.from(`${text}\r\n`, "utf8");
    const split = bytes.indexOf(Buffer.from("✓", "utf8")) + 1;
    await feed(ping(1).slice(0, 10), `${ping(1).slice(10)}\n${ping(2)}\n\n`, bytes.subarray(0, split));
    await feed(bytes.subarray(split));
    expect(received).toEqual([
      { jsonrpc: "2.0", id: 1, method: "ping" },
      { jsonrpc: "2.0", id: 2, method: "ping" },
      { jsonrpc: "2.0", method: "notifications/message", params: { data: "été ✓" } },
    ]);
    expect(answers()).toEqual([]);
  });

  it("answers a line that is not JSON with -32700 and serves the next line", async () => {
    const { feed, received, answers } = await transportOnStreams();
    await feed("this is not json\n", `${ping(3)}\n`);
    expect(answers()).toEqual([
      { jsonrpc: "2.0", id: null, error: { code: -32700, message: expect.stringMatching(/^Parse error: /) } },
    ]);
    expect(received).toEqual([{ jsonrpc: "2.0", id: 3, method: "ping" }]);
  });

  it("answers JSON that is no JSON-RPC message with -32600, keeping its id when it has one", async () => {
    const { feed, received, answers } = await transportOnStreams();
    await feed('{"hello":"world"}\n', '{"jsonrpc":"2.0","id":7,"method":5}\n', "[1,2]\n", `${ping(4)}\n`);
    expect(answers().map((answer) => [answer.id, (answer.error as { code: number }).code])).toEqual([
      [null, -32600],
      [7, -32600],
      [null, -32600],
    ]);
    expect(received).toEqual([{ jsonrpc: "2.0", id: 4, method: "ping" }]);
  });

  it("drops a line over the limit up to its newline, answers -32600 with the id found at its end, and goes on", async () => {
    const { feed, received, answers, logs } = await transportOnStreams(100);
    const huge = `{"method":"tools/call","params":{"name":"validate","arguments":{"spec":"${"x".repeat(500)}"}},"jsonrpc":"2.0","id":9}`;
    await feed(huge.slice(0, 60), huge.slice(60, 300), huge.slice(300), `\n${ping(5)}\n`);
    await feed(`{"jsonrpc":"2.0","id":11,"method":"x","params":{"a":"${"y".repeat(200)}"}}\n`);
    expect(answers()).toEqual([
      {
        jsonrpc: "2.0",
        id: 9,
        error: { code: -32600, message: expect.stringContaining("over the limit of 100 bytes") },
      },
      // The id was at the start, long gone: the answer cannot name it.
      { jsonrpc: "2.0", id: null, error: { code: -32600, message: expect.stringContaining("was dropped") } },
    ]);
    expect(received).toEqual([{ jsonrpc: "2.0", id: 5, method: "ping" }]);
    expect(logs).toEqual([expect.stringContaining(`a line of ${huge.length} bytes`), expect.any(String)]);
  });

  it("sends each message as one line and stops reading when closed", async () => {
    const { transport, feed, received, answers } = await transportOnStreams();
    await transport.send({ jsonrpc: "2.0", id: 1, result: { text: "two\nlines" } });
    expect(answers()).toEqual([{ jsonrpc: "2.0", id: 1, result: { text: "two\nlines" } }]);
    let closed = false;
    transport.onclose = () => {
      closed = true;
    };
    await transport.close();
    await feed(`${ping(6)}\n`);
    expect(closed).toBe(true);
    expect(received).toEqual([]);
  });
});
