import { describe, expect, it } from "vitest";
import { startDashboardForTest } from "../../../helpers/dashboard-http.js";
import { rawHttp, sendRaw } from "../../../helpers/raw-http-socket.js";
import { SAMPLE_WORKSPACE } from "../../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-host-attacks-");

async function start() {
  await writeTree(directory(), SAMPLE_WORKSPACE);
  return startDashboardForTest([directory()], { assetsDirectory: `${directory()}/no-build` });
}

function errorOf(json: unknown): { code?: unknown; message?: unknown; fix?: unknown } | undefined {
  return (json as { error?: { code?: unknown; message?: unknown; fix?: unknown } } | undefined)?.error;
}

describe("DNS rebinding attacks on the dashboard (raw sockets on 127.0.0.1)", () => {
  it("refuses every Host that is not 127.0.0.1:PORT or localhost:PORT, even with the right cookie", async () => {
    const { port, serving } = await start();
    const cookie = `Cookie: specwright_token=${serving.token}`;
    const refused: [string, string[]][] = [
      ["evil.com", ["Host: evil.com"]],
      ["127.0.0.1.evil.com", [`Host: 127.0.0.1.evil.com:${port}`]],
      ["localhost:other port", [`Host: localhost:${port + 1}`]],
      ["127.0.0.1 without port", ["Host: 127.0.0.1"]],
      ["[::1]:PORT", [`Host: [::1]:${port}`]],
      ["own Host, then a foreign one", [`Host: 127.0.0.1:${port}`, "Host: evil.com"]],
      ["a foreign Host, then the own one", ["Host: evil.com", `Host: 127.0.0.1:${port}`]],
    ];
    for (const [name, hosts] of refused) {
      const answer = await sendRaw(port, rawHttp("GET /api/roots HTTP/1.1", [...hosts, cookie]));
      expect(answer.status, name).toBe(403);
      expect(errorOf(answer.json)?.code, name).toBe("foreign-host");
      expect(answer.body, name).not.toContain(directory());
    }
    // No Host at all, or one that is not a host name: a JSON 400, not node's bare one.
    for (const [name, hosts] of [
      ["empty Host", ["Host:"]],
      ["Host with a space", ["Host: a b"]],
    ] as const) {
      const answer = await sendRaw(port, rawHttp("GET /api/roots HTTP/1.1", [...hosts, cookie]));
      expect(answer.status, name).toBeGreaterThanOrEqual(400);
      expect(answer.status, name).toBeLessThan(404);
      expect(errorOf(answer.json)?.fix, name).toEqual(expect.any(String));
      expect(answer.body, name).not.toContain(directory());
    }
    const ok = await sendRaw(port, rawHttp("GET /api/roots HTTP/1.1", [`Host: 127.0.0.1:${port}`, cookie]));
    expect(ok.status).toBe(200);
  });

  it("refuses an absolute-form target naming another host, though Host is the server's own", async () => {
    const { port, serving } = await start();
    const headers = [`Host: 127.0.0.1:${port}`, `Cookie: specwright_token=${serving.token}`];
    for (const target of [
      "http://evil.com/api/roots",
      `http://evil.com:${port}/api/roots`,
      "http://127.0.0.1/api/roots",
    ]) {
      const answer = await sendRaw(port, rawHttp(`GET ${target} HTTP/1.1`, headers));
      expect(answer.status, target).toBe(403);
      expect(errorOf(answer.json)?.code, target).toBe("foreign-host");
    }
    const own = await sendRaw(port, rawHttp(`GET http://127.0.0.1:${port}/api/roots HTTP/1.1`, headers));
    expect(own.status).toBe(200);
  });

  it("answers garbage and a request with no Host in JSON, and keeps serving", async () => {
    const { port, api } = await start();
    const garbage = await sendRaw(port, Buffer.from("GARBAGE\u0000\u0001 HTTP/1.1\r\n\r\n", "latin1"));
    expect(garbage.status).toBe(400);
    expect(errorOf(garbage.json)).toMatchObject({ code: "bad-request", fix: expect.any(String) });
    const noHost = await sendRaw(port, rawHttp("GET /api/roots HTTP/1.1", []));
    expect([400, 403]).toContain(noHost.status);
    expect(errorOf(noHost.json)?.fix).toEqual(expect.any(String));
    // Content-Length and Transfer-Encoding together (request smuggling): node's parser refuses, in JSON here.
    const smuggled = await sendRaw(
      port,
      rawHttp(
        "POST /api/runs HTTP/1.1",
        [`Host: 127.0.0.1:${port}`, "Content-Length: 4", "Transfer-Encoding: chunked"],
        "0\r\n\r\n",
      ),
    );
    expect(smuggled.status).toBe(400);
    expect(errorOf(smuggled.json)?.code).toBe("bad-request");
    const huge = await sendRaw(
      port,
      rawHttp("GET /api/roots HTTP/1.1", [`Host: 127.0.0.1:${port}`, `X-Big: ${"a".repeat(20_000)}`]),
    );
    expect(huge.status).toBe(431);
    expect(errorOf(huge.json)?.code).toBe("headers-too-large");
    expect((await api("GET", "/api/roots")).status).toBe(200);
  });
});
