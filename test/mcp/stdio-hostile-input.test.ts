import { describe, expect, it } from "vitest";
import { startRawStdioProcess } from "../helpers/mcp-processes.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-stdio-hostile-");

const line = (message: object) => `${JSON.stringify(message)}\n`;
const withId = (id: unknown) => (message: Record<string, unknown>) => message.id === id;

describe("specwright mcp over stdio, given bad input (the built CLI)", () => {
  it("answers garbage with -32700 and a line over 10 MB with -32600, serves the next request, exits 0 at the end", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const server = startRawStdioProcess(temp());
    server.write(
      line({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
      }),
    );
    expect(await server.message(withId(1))).toMatchObject({ result: { serverInfo: { name: "specwright" } } });
    server.write(line({ jsonrpc: "2.0", method: "notifications/initialized" }));

    server.write("{ this is not JSON\n");
    expect(await server.message(withId(null))).toEqual({
      jsonrpc: "2.0",
      id: null,
      error: { code: -32700, message: expect.stringMatching(/^Parse error: the line is not JSON/) },
    });

    // 11 MB in one line, its id last as the SDK's client writes it.
    const spec = "x".repeat(11 * 1024 * 1024);
    server.write(
      `{"method":"tools/call","params":{"name":"validate","arguments":{"spec":"${spec}"}},"jsonrpc":"2.0","id":2}\n`,
    );
    expect(await server.message(withId(2))).toEqual({
      jsonrpc: "2.0",
      id: 2,
      error: { code: -32600, message: expect.stringContaining("over the limit of 10485760 bytes") },
    });

    server.write(line({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "list_specs", arguments: {} } }));
    expect(await server.message(withId(3))).toMatchObject({
      result: { structuredContent: { specs: [{ name: "double-save" }, { name: "rate-limiting" }] } },
    });
    expect(await server.end()).toBe(0);
    expect(server.stderr()).toContain(`dropped a line of ${spec.length + 99} bytes`);
  });
});
