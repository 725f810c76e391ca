import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { rawRequest, startDashboardForTest } from "../../helpers/dashboard-http.js";
import { SAMPLE_WORKSPACE } from "../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-guard-");

async function start() {
  await writeTree(directory(), SAMPLE_WORKSPACE);
  return startDashboardForTest([directory()], { assetsDirectory: `${directory()}/no-build` });
}

function errorCode(answer: { json: unknown }): unknown {
  return (answer.json as { error?: { code?: unknown } } | undefined)?.error?.code;
}

describe("the dashboard's request guard (real HTTP on 127.0.0.1)", () => {
  it("answers 401 with a fix to an API request without the cookie, or with a wrong token", async () => {
    const { port, serving } = await start();
    const host = { host: `127.0.0.1:${port}` };
    const none = await rawRequest(port, { path: "/api/board", headers: host });
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ error: { code: "unauthorized", fix: expect.stringContaining("specwright ui") } });
    const wrong = await rawRequest(port, { path: "/api/board", headers: { ...host, cookie: "specwright_token=nope" } });
    expect(wrong.status).toBe(401);
    const oneCharacterOff = `${serving.token.slice(0, -1)}${serving.token.endsWith("A") ? "B" : "A"}`;
    const close = await rawRequest(port, {
      path: "/api/roots",
      headers: { ...host, cookie: `specwright_token=${oneCharacterOff}` },
    });
    expect(close.status).toBe(401);
    // The static page needs the token too: nothing of the workspace leaks without it.
    expect((await rawRequest(port, { path: "/", headers: host })).status).toBe(401);
  });

  it("trades the URL's token for an HttpOnly SameSite=Strict cookie and a 303 to /, which then works", async () => {
    const { port, serving } = await start();
    const host = { host: `127.0.0.1:${port}` };
    expect(serving.url).toBe(`http://127.0.0.1:${port}/?token=${serving.token}`);
    const exchanged = await rawRequest(port, { path: `/?token=${serving.token}`, headers: host });
    expect(exchanged.status).toBe(303);
    expect(exchanged.headers.location).toBe("/");
    const cookie = String(exchanged.headers["set-cookie"]);
    expect(cookie).toContain(`specwright_token=${serving.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    const [pair] = cookie.split(";");
    const board = await rawRequest(port, { path: "/api/board", headers: { ...host, cookie: pair ?? "" } });
    expect(board.status).toBe(200);
    expect(board.headers["cache-control"]).toBe("no-store");
    const page = await rawRequest(port, { path: "/", headers: { ...host, cookie: pair ?? "" } });
    expect(page.status).toBe(200);
    expect(page.text).toContain("npm run build");

    const bad = await rawRequest(port, { path: "/?token=wrong", headers: host });
    expect(bad.status).toBe(401);
    expect(bad.headers["set-cookie"]).toBeUndefined();
  });

  it("refuses a foreign Host with 403 even with the right cookie (DNS rebinding)", async () => {
    const { port, serving } = await start();
    const cookie = `specwright_token=${serving.token}`;
    for (const host of [
      `evil.example:${port}`,
      "127.0.0.1",
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
    ]) {
      const answer = await rawRequest(port, { path: "/api/board", headers: { host, cookie } });
      expect(answer.status, host).toBe(403);
      expect(errorCode(answer), host).toBe("foreign-host");
    }
    const exchanged = await rawRequest(port, {
      path: `/?token=${serving.token}`,
      headers: { host: `rebound.example:${port}` },
    });
    expect(exchanged.status).toBe(403);
    expect(exchanged.headers["set-cookie"]).toBeUndefined();
    const local = await rawRequest(port, { path: "/api/roots", headers: { host: `localhost:${port}`, cookie } });
    expect(local.status).toBe(200);
  });

  it("refuses a POST from a foreign Origin, without Origin, or not JSON; and changes nothing", async () => {
    const { port, serving, api } = await start();
    const base = { host: `127.0.0.1:${port}`, cookie: `specwright_token=${serving.token}` };
    const path = "/api/specs/0/rate-limiting/approvals/requirements";
    const json = { "content-type": "application/json" };
    const foreign = await rawRequest(port, {
      method: "POST",
      path,
      headers: { ...base, ...json, origin: "http://evil.example" },
      body: "{}",
    });
    expect(foreign.status).toBe(403);
    expect(errorCode(foreign)).toBe("foreign-origin");
    const sandboxed = await rawRequest(port, {
      method: "POST",
      path,
      headers: { ...base, ...json, origin: "null" },
      body: "{}",
    });
    expect(sandboxed.status).toBe(403);
    const noOrigin = await rawRequest(port, { method: "POST", path, headers: { ...base, ...json }, body: "{}" });
    expect(noOrigin.status).toBe(403);
    expect(errorCode(noOrigin)).toBe("origin-required");
    // A cross-site form can post text/plain or a urlencoded body: not JSON, refused.
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const form = await rawRequest(port, {
        method: "POST",
        path,
        headers: { ...base, origin: `http://127.0.0.1:${port}`, "content-type": type },
        body: "{}",
      });
      expect(form.status, type).toBe(415);
      expect(errorCode(form), type).toBe("json-required");
    }
    // A GET from a foreign page is refused as well (it could read the answer if CORS were ever added).
    const foreignRead = await rawRequest(port, {
      path: "/api/board",
      headers: { ...base, origin: "http://evil.example" },
    });
    expect(foreignRead.status).toBe(403);
    const board = await api("GET", "/api/board");
    expect(board.json).toMatchObject({
      specs: expect.arrayContaining([expect.objectContaining({ name: "rate-limiting" })]),
    });
    const card = (board.json as { specs: { name: string; approvals: Record<string, { state: string }> }[] }).specs.find(
      (spec) => spec.name === "rate-limiting",
    );
    expect(card?.approvals.requirements?.state).toBe("unapproved");
  });

  it("answers unknown API paths with a JSON 404 and a bad body with a 400, never a stack trace", async () => {
    const { api } = await start();
    const missing = await api("GET", "/api/nothing-here");
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe("not-found");
    const broken = await api("POST", "/api/runs", undefined);
    expect(broken.status).toBe(400);
    expect(errorCode(broken)).toBe("invalid-request");
    expect(broken.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it("listens on 127.0.0.1 only: another loopback address and the other interfaces refuse the connection", async () => {
    const { port } = await start();
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && entry.family === "IPv4" && !entry.internal)
      .map((entry) => entry?.address ?? "");
    // 127.0.0.2 is this machine too: a server bound to every address (0.0.0.0) would answer there.
    for (const address of ["127.0.0.2", ...others]) {
      expect(await connects(address, port), address).toBe(false);
    }
    expect(await connects("127.0.0.1", port)).toBe(true);
  });
});

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
