import { writeFile } from "node:fs/promises";
import { get } from "node:http";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { resolveDashboardRoots } from "../../../../src/engine/dashboard/dashboard-roots.js";
import { MAX_BODY_BYTES } from "../../../../src/ui/server/request-guard.js";
import { serveDashboard } from "../../../../src/ui/server/serve-dashboard.js";
import { startDashboardForTest } from "../../../helpers/dashboard-http.js";
import { parseAnswer, type RawAnswer, rawHttp, sendRaw } from "../../../helpers/raw-http-socket.js";
import { SAMPLE_WORKSPACE } from "../../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-body-attacks-");

async function start() {
  await writeTree(directory(), SAMPLE_WORKSPACE);
  return startDashboardForTest([directory()], { assetsDirectory: `${directory()}/no-build` });
}

/** Writes `head`, then `chunk` again and again until the server answers; the answer and what was sent. */
function sendUntilAnswered(port: number, head: string, chunk: Buffer): Promise<{ answer: RawAnswer; sent: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    let sent = 0;
    let answered = false;
    socket.on("data", (data: Buffer) => {
      text += data.toString("utf8");
      if (!answered && text.includes("\r\n\r\n") && text.includes("}}")) {
        answered = true;
        socket.destroy();
        resolve({ answer: parseAnswer(text), sent });
      }
    });
    socket.on("error", (error) => {
      if (!answered) reject(error);
    });
    socket.write(head);
    const pump = () => {
      // Four times the limit at most, and never the last chunk: only a refusal at the limit answers.
      while (!answered && sent < 4 * MAX_BODY_BYTES) {
        sent += chunk.length;
        if (!socket.write(chunk)) {
          socket.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}

describe("body attacks on the dashboard (raw sockets on 127.0.0.1)", () => {
  it("refuses a 100 MB body by its Content-Length with 413 before the body is sent, then keeps serving", async () => {
    const { port, serving, api } = await start();
    const head =
      `POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: specwright_token=${serving.token}\r\n` +
      `Origin: http://127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n`;
    const answer = await new Promise<RawAnswer>((resolve, reject) => {
      const socket: Socket = connect(port, "127.0.0.1");
      let text = "";
      socket.on("data", (data: Buffer) => {
        text += data.toString("utf8");
        if (text.includes("}}")) {
          socket.destroy();
          resolve(parseAnswer(text));
        }
      });
      socket.on("error", reject);
      // Only 64 KB of the announced 100 MB: the answer cannot wait for the rest.
      socket.write(head);
      socket.write(Buffer.alloc(65_536, 32));
    });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ error: { code: "body-too-large", fix: expect.any(String) } });
    expect((await api("GET", "/api/roots")).status).toBe(200);
  });

  it("refuses a chunked body without Content-Length once it passes the limit", async () => {
    const { port, serving, api } = await start();
    const head =
      `POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: specwright_token=${serving.token}\r\n` +
      `Origin: http://127.0.0.1:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const { answer, sent } = await sendUntilAnswered(port, head, Buffer.from(`10000\r\n${" ".repeat(65_536)}\r\n`));
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ error: { code: "body-too-large" } });
    // The body never ends (no last chunk): the answer came as the limit passed.
    expect(sent).toBeGreaterThan(MAX_BODY_BYTES);
    expect((await api("GET", "/api/roots")).status).toBe(200);
  });

  it("answers invalid UTF-8, deeply nested JSON and a non-object body with 400 and a fix", async () => {
    const { port, serving, api } = await start();
    const headers = [
      `Host: 127.0.0.1:${port}`,
      `Cookie: specwright_token=${serving.token}`,
      `Origin: http://127.0.0.1:${port}`,
      "Content-Type: application/json; charset=utf-8",
    ];
    const post = (body: Buffer) =>
      sendRaw(port, rawHttp("POST /api/runs HTTP/1.1", [...headers, `Content-Length: ${body.length}`], body));
    const invalid = await post(Buffer.from([0x7b, 0x22, 0x72, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ error: { code: "invalid-utf8", fix: expect.any(String) } });
    const depth = 100_000;
    const nested = await post(Buffer.from(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`));
    expect(nested.status).toBe(400);
    expect(nested.json).toMatchObject({ error: { fix: expect.any(String) } });
    const array = await post(Buffer.from("[".repeat(depth) + "]".repeat(depth)));
    expect(array.status).toBe(400);
    const truncated = await post(Buffer.from('{"root":'));
    expect(truncated.json).toMatchObject({ error: { code: "invalid-json" } });
    for (const answer of [invalid, nested, array, truncated]) expect(answer.body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect((await api("GET", "/api/roots")).status).toBe(200);
  });
});

describe("slow-loris bounds of the dashboard's server", () => {
  async function startWithShortTimeouts() {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const serving = await serveDashboard({
      roots: await resolveDashboardRoots(directory(), [directory()]),
      log: () => undefined,
      changeDebounceMs: 20,
      assetsDirectory: `${directory()}/no-build`,
      openSession: () => Promise.reject(new Error("no runs in this test")),
      timeouts: { headersMs: 300, requestMs: 600 },
    });
    onTestFinished(() => serving.close());
    return serving;
  }

  it("closes a connection whose headers trickle in past the headers timeout, answering 408 in JSON", async () => {
    const serving = await startWithShortTimeouts();
    const answer = await new Promise<RawAnswer>((resolve) => {
      const socket = connect(serving.port, "127.0.0.1");
      let text = "";
      socket.on("data", (data: Buffer) => {
        text += data.toString("utf8");
      });
      socket.on("error", () => undefined);
      socket.write(`GET /api/roots HTTP/1.1\r\nHost: 127.0.0.1:${serving.port}\r\n`);
      // One header line now and then, never the blank line that ends them.
      const trickle = setInterval(() => socket.write(`X-Slow-${Date.now()}: 1\r\n`), 100);
      socket.on("close", () => {
        clearInterval(trickle);
        resolve(parseAnswer(text));
      });
    });
    expect(answer.status).toBe(408);
    expect(answer.json).toMatchObject({ error: { code: "request-timeout", fix: expect.any(String) } });
  });

  it("keeps an SSE stream open well past both timeouts, and it still delivers changes", async () => {
    const serving = await startWithShortTimeouts();
    const received: string[] = [];
    let closed = false;
    await new Promise<void>((resolve, reject) => {
      const request = get(
        {
          host: "127.0.0.1",
          port: serving.port,
          path: "/api/events",
          headers: { host: `127.0.0.1:${serving.port}`, cookie: `specwright_token=${serving.token}` },
        },
        (response) => {
          expect(response.statusCode).toBe(200);
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => received.push(chunk));
          response.on("close", () => {
            closed = true;
          });
          resolve();
        },
      );
      request.on("error", reject);
      onTestFinished(() => {
        request.destroy();
      });
    });
    // Three times the request timeout: a server that applied it to the response would have cut the stream.
    await new Promise((resolve) => setTimeout(resolve, 1_800));
    expect(closed).toBe(false);
    await writeFile(
      join(directory(), ".kiro/specs/rate-limiting/requirements.md"),
      "# Requirements Document\n\nedited\n",
    );
    await expect.poll(() => received.join(""), { timeout: 4_000 }).toContain("event: changed");
    expect(closed).toBe(false);
  });
});
