import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { captureOutput } from "../helpers/captured-output.js";
import {
  INITIALIZE_REQUEST,
  jsonRpcOf,
  mcpHeaders,
  openSession,
  postMessage,
  rawRequest,
} from "../helpers/mcp-http-requests.js";
import { type HttpServerProcess, useHttpServerProcesses } from "../helpers/mcp-processes.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-sessions-");
const startServer = useHttpServerProcesses();

const listSpecs = { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "list_specs", arguments: {} } };

/** Resolves once the server logged that it closed this session for idleness. */
async function expired(process: HttpServerProcess, sessionId: string): Promise<void> {
  while (!process.stderr().includes(`closed session ${sessionId} after`)) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("specwright mcp --http sessions", () => {
  it("closes a session idle for --session-idle-timeout; its id is then unknown", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const server = await startServer(temp(), ["--session-idle-timeout", "0.2"]);
    const sessionId = await openSession(server.url, server.token);
    expect((await postMessage(server.url, server.token, listSpecs, sessionId)).status).toBe(200);
    await expired(server, sessionId);
    const after = await postMessage(server.url, server.token, listSpecs, sessionId);
    expect(after.status).toBe(404);
    expect(jsonRpcOf(after)).toMatchObject({ error: { message: expect.stringContaining("expired session") } });
  });

  it("keeps a session whose notification stream is open, however long it lasts", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const server = await startServer(temp(), ["--session-idle-timeout", "0.2"]);
    const streaming = await openSession(server.url, server.token);
    const stream = new AbortController();
    const url = server.url;
    const headers = mcpHeaders(server.token, streaming);
    const opened = fetch(url, { method: "GET", headers, signal: stream.signal });
    expect((await opened).status).toBe(200);
    try {
      // A session opened after the stream, and idle: once it expired, the streaming one has been idle as long.
      const idle = await openSession(server.url, server.token);
      await expired(server, idle);
      expect(server.stderr()).not.toContain(`closed session ${streaming}`);
      expect((await postMessage(server.url, server.token, listSpecs, streaming)).status).toBe(200);
    } finally {
      stream.abort();
    }
  });

  it("refuses an initialize beyond --max-sessions with 503 and a JSON-RPC error; a DELETE frees a place", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const server = await startServer(temp(), ["--max-sessions", "2"]);
    const first = await openSession(server.url, server.token);
    await openSession(server.url, server.token);
    const refused = await postMessage(server.url, server.token, INITIALIZE_REQUEST);
    expect(refused.status).toBe(503);
    expect(refused.headers["mcp-session-id"]).toBeUndefined();
    expect(jsonRpcOf(refused)).toMatchObject({
      jsonrpc: "2.0",
      id: null,
      error: { message: expect.stringMatching(/Too many sessions: 2 are live.*--max-sessions/) },
    });
    // The live sessions still work.
    expect((await postMessage(server.url, server.token, listSpecs, first)).status).toBe(200);
    const deleted = await rawRequest(server.url, { method: "DELETE", headers: mcpHeaders(server.token, first) });
    expect(deleted.status).toBe(200);
    await openSession(server.url, server.token);
  });

  it("keeps the heap flat over 5,000 sessions opened and left (half with DELETE, half abandoned to expire)", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const child = spawn(
      process.execPath,
      ["--expose-gc", join(dirname(fileURLToPath(import.meta.url)), "session-churn-child.mjs"), temp(), "5000"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const output = captureOutput(child);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(output.stderr()).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(output.stdout()) as {
      opened: number;
      peakSessions: number;
      heaps: Record<string, number>;
      left: number;
    };
    expect(report.opened).toBe(5000);
    expect(report.left).toBe(0);
    const growth = (report.heaps["5000"] ?? Number.NaN) - (report.heaps["500"] ?? Number.NaN);
    // A leaked session (its server, transport and subscription) costs ~20 KB: 2,250 of them would be ~45 MB.
    expect(growth).toBeLessThan(8 * 1024 * 1024);
  }, 300_000);
});
