import { describe, expect, it } from "vitest";
import { structuredOf } from "../helpers/mcp-client.js";
import {
  INITIALIZE_REQUEST,
  jsonRpcOf,
  mcpHeaders,
  type RawResponse,
  rawRequest,
} from "../helpers/mcp-http-requests.js";
import { connectHttp, type HttpServerProcess, useHttpServerProcesses } from "../helpers/mcp-processes.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-http-");
const startServer = useHttpServerProcesses();

const initialize = INITIALIZE_REQUEST;

/** An initialize with the token and these extra (or replaced) headers. */
function postInitialize(process: HttpServerProcess, headers: Record<string, string>): Promise<RawResponse> {
  return rawRequest(process.url, {
    method: "POST",
    headers: { ...mcpHeaders(process.token), ...headers },
    body: JSON.stringify(initialize),
  });
}

describe("specwright mcp --http (the built CLI)", () => {
  it("listens on 127.0.0.1 only and prints a fresh token to stderr", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const server = await startServer(temp());
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
    const other = await startServer(temp());
    expect(other.token).not.toBe(server.token);
    // SIGTERM closes the sessions, the watcher and the port, and the process ends normally.
    expect(await other.stop()).toBe(0);
  });

  it("refuses a request without the token, or with a wrong one, with 401", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const server = await startServer(temp());
    const post = (headers: Record<string, string>) =>
      fetch(server.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...headers },
        body: JSON.stringify(initialize),
      });
    const without = await post({});
    expect(without.status).toBe(401);
    expect(without.headers.get("www-authenticate")).toContain("Bearer");
    expect((await post({ Authorization: "Bearer not-the-token" })).status).toBe(401);
    expect((await post({ Authorization: server.token })).status).toBe(401);
    const withToken = await post({ Authorization: `Bearer ${server.token}` });
    expect(withToken.status).toBe(200);
    await withToken.body?.cancel();
  });

  it("refuses a request whose Host header names another host (DNS rebinding), even with the token", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const server = await startServer(temp());
    const port = new URL(server.url).port;
    for (const host of [`evil.example:${port}`, "127.0.0.1:1", `127.0.0.1.evil.example:${port}`]) {
      const response = await postInitialize(server, { Host: host });
      expect(response.status, host).toBe(403);
      expect(jsonRpcOf(response), host).toMatchObject({ error: { message: expect.stringContaining("Host header") } });
    }
    expect((await postInitialize(server, { Host: `localhost:${port}` })).status).toBe(200);
  });

  it("refuses any Origin but the server's own with 403, Origin: null included, even with the token", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const server = await startServer(temp());
    const port = new URL(server.url).port;
    const foreign = [
      "http://evil.example",
      "null",
      `http://evil.example:${port}`,
      "http://127.0.0.1:1",
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port}.evil.example`,
    ];
    for (const origin of foreign) {
      const response = await postInitialize(server, { Origin: origin });
      expect(response.status, origin).toBe(403);
      expect(response.headers["mcp-session-id"], origin).toBeUndefined();
      expect(jsonRpcOf(response), origin).toMatchObject({ error: { message: expect.stringContaining("Origin") } });
    }
    // Without the token too: a page learns nothing, not even whether its guess was right.
    expect((await rawRequest(server.url, { method: "POST", headers: { Origin: "null" } })).status).toBe(403);
    // The server's own origins are served, and so is a client that sends none (not a browser).
    expect((await postInitialize(server, { Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect(
      (await postInitialize(server, { Origin: `http://localhost:${port}`, Host: `localhost:${port}` })).status,
    ).toBe(200);
    expect((await postInitialize(server, {})).status).toBe(200);
  });

  it("serves the tools to SDK clients that send the token; two sessions flip tasks without losing one", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const server = await startServer(temp());
    const [first, second] = await Promise.all([
      connectHttp(server.url, server.token),
      connectHttp(server.url, server.token),
    ]);
    try {
      const list = await first.call("list_specs");
      expect(structuredOf(list)).toMatchObject({ specs: [{ name: "double-save" }, { name: "rate-limiting" }] });
      const results = await Promise.all([
        first.call("set_task_status", { spec: "rate-limiting", taskId: "2.1", status: "done" }),
        second.call("set_task_status", { spec: "rate-limiting", taskId: "2.2", status: "done" }),
        first.call("set_task_status", { spec: "rate-limiting", taskId: "3", status: "in-progress" }),
      ]);
      expect(results.map((result) => result.isError ?? false)).toEqual([false, false, false]);
      const spec = structuredOf(await second.call("get_spec", { spec: "rate-limiting", includeDocuments: false }));
      expect(spec).toMatchObject({
        model: {
          tasks: [
            { id: "1" },
            {
              id: "2",
              children: [
                { id: "2.1", status: "done" },
                { id: "2.2", status: "done" },
              ],
            },
            { id: "3", status: "in-progress" },
          ],
        },
      });
      expect([...first.errors, ...second.errors]).toEqual([]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
