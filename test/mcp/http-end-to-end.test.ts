import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { structuredOf } from "../helpers/mcp-client.js";
import { connectHttp, type HttpServerProcess, startHttpServerProcess } from "../helpers/mcp-processes.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-http-");
let server: HttpServerProcess | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

describe("specwright mcp --http (the built CLI)", () => {
  it("listens on 127.0.0.1 only and prints a fresh token to stderr", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    server = await startHttpServerProcess(temp());
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
    const other = await startHttpServerProcess(temp());
    expect(other.token).not.toBe(server.token);
    // SIGTERM closes the sessions, the watcher and the port, and the process ends normally.
    expect(await other.stop()).toBe(0);
  });

  it("refuses a request without the token, or with a wrong one, with 401", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    server = await startHttpServerProcess(temp());
    const post = (headers: Record<string, string>) =>
      fetch(server?.url ?? "", {
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

  it("refuses a request whose Host header names another host (DNS rebinding)", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    server = await startHttpServerProcess(temp());
    const url = new URL(server.url);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            Host: `evil.example:${url.port}`,
            Authorization: `Bearer ${server?.token}`,
            "Content-Type": "application/json",
            Accept: "application/json, text/event-stream",
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on("error", reject);
      request.end(JSON.stringify(initialize));
    });
    expect(status).toBe(403);
  });

  it("serves the tools to SDK clients that send the token; two sessions flip tasks without losing one", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    server = await startHttpServerProcess(temp());
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
