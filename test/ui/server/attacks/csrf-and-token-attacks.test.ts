import { describe, expect, it } from "vitest";
import { rawRequest, startDashboardForTest } from "../../../helpers/dashboard-http.js";
import { SAMPLE_WORKSPACE } from "../../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-csrf-attacks-");

async function start() {
  await writeTree(directory(), SAMPLE_WORKSPACE);
  return startDashboardForTest([directory()], { assetsDirectory: `${directory()}/no-build` });
}

function codeOf(answer: { json: unknown }): unknown {
  return (answer.json as { error?: { code?: unknown } } | undefined)?.error?.code;
}

const APPROVE = "/api/specs/0/rate-limiting/approvals/requirements";

describe("token and CSRF attacks on the dashboard (real HTTP on 127.0.0.1)", () => {
  it("does not take the token from a query on /api/*, nor without the cookie on the SSE streams", async () => {
    const { port, serving } = await start();
    const host = { host: `127.0.0.1:${port}` };
    for (const path of [`/api/board?token=${serving.token}`, "/api/events", "/api/runs/some-run/events", "/api/runs"]) {
      const answer = await rawRequest(port, { path, headers: { ...host, accept: "text/event-stream" } });
      expect(answer.status, path).toBe(401);
      expect(codeOf(answer), path).toBe("unauthorized");
      expect(answer.headers["content-type"], path).toContain("application/json");
    }
    // Neither is `/api/events?token=` nor a token-named cookie with a different name.
    const other = await rawRequest(port, {
      path: "/api/events",
      headers: { ...host, cookie: `token=${serving.token}` },
    });
    expect(other.status).toBe(401);
    // The documented bearer header works for clients that are not browsers.
    const bearer = await rawRequest(port, {
      path: "/api/roots",
      headers: { ...host, authorization: `Bearer ${serving.token}` },
    });
    expect(bearer.status).toBe(200);
  });

  it("sets the cookie HttpOnly, SameSite=Strict, Path=/ and keeps the token out of Referer and frames", async () => {
    const { port, serving } = await start();
    const exchanged = await rawRequest(port, {
      path: `/?token=${serving.token}`,
      headers: { host: `localhost:${port}` },
    });
    expect(exchanged.status).toBe(303);
    const cookie = String(exchanged.headers["set-cookie"]);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(exchanged.headers["referrer-policy"]).toBe("no-referrer");
    expect(exchanged.headers["x-frame-options"]).toBe("DENY");
    expect(exchanged.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("refuses requests a browser marks as cross-site or same-site, even without Origin", async () => {
    const { port, serving } = await start();
    const own = { host: `127.0.0.1:${port}`, cookie: `specwright_token=${serving.token}` };
    for (const site of ["cross-site", "same-site"]) {
      const read = await rawRequest(port, { path: "/api/board", headers: { ...own, "sec-fetch-site": site } });
      expect(read.status, site).toBe(403);
      expect(codeOf(read), site).toBe("cross-site");
      const write = await rawRequest(port, {
        method: "POST",
        path: APPROVE,
        headers: { ...own, "sec-fetch-site": site, "content-type": "application/json" },
        body: "{}",
      });
      expect(write.status, site).toBe(403);
    }
    const sameOrigin = await rawRequest(port, {
      path: "/api/roots",
      headers: { ...own, "sec-fetch-site": "same-origin" },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it("refuses Origin: null and form content types, takes JSON with a charset, and answers a wrong shape with 400 and a fix", async () => {
    const { port, serving, api } = await start();
    const own = {
      host: `127.0.0.1:${port}`,
      cookie: `specwright_token=${serving.token}`,
      origin: `http://127.0.0.1:${port}`,
    };
    const nullOrigin = await rawRequest(port, {
      method: "POST",
      path: APPROVE,
      headers: { ...own, origin: "null", "content-type": "application/json" },
      body: "{}",
    });
    expect(nullOrigin.status).toBe(403);
    expect(codeOf(nullOrigin)).toBe("foreign-origin");
    for (const type of [
      "text/plain",
      "multipart/form-data; boundary=x",
      "application/x-www-form-urlencoded",
      "application/jsonp",
    ]) {
      const form = await rawRequest(port, {
        method: "POST",
        path: APPROVE,
        headers: { ...own, "content-type": type },
        body: "{}",
      });
      expect(form.status, type).toBe(415);
    }
    const wrongShape = await rawRequest(port, {
      method: "POST",
      path: "/api/runs",
      headers: { ...own, "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ root: 7, spec: ["x"], mode: "sideways" }),
    });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.json).toMatchObject({ error: { code: "invalid-request", fix: expect.any(String) } });
    const board = await api("GET", "/api/board");
    const card = (board.json as { specs: { name: string; approvals: Record<string, { state: string }> }[] }).specs.find(
      (spec) => spec.name === "rate-limiting",
    );
    expect(card?.approvals.requirements?.state).toBe("unapproved");
    const charset = await rawRequest(port, {
      method: "POST",
      path: APPROVE,
      headers: { ...own, "content-type": "application/json; charset=utf-8" },
      body: "{}",
    });
    expect(charset.status).toBe(200);
  });

  it("ignores method-override headers: a GET with X-HTTP-Method-Override: POST changes nothing", async () => {
    const { port, serving, api } = await start();
    const own = { host: `127.0.0.1:${port}`, cookie: `specwright_token=${serving.token}` };
    for (const header of ["x-http-method-override", "x-http-method", "x-method-override"]) {
      const answer = await rawRequest(port, { path: APPROVE, headers: { ...own, [header]: "POST" } });
      expect(answer.status, header).toBe(404);
    }
    const overridden = await rawRequest(port, { path: `${APPROVE}?_method=POST`, headers: own });
    expect(overridden.status).toBe(404);
    const board = await api("GET", "/api/board");
    const card = (board.json as { specs: { name: string; approvals: Record<string, { state: string }> }[] }).specs.find(
      (spec) => spec.name === "rate-limiting",
    );
    expect(card?.approvals.requirements?.state).toBe("unapproved");
  });

  it("puts the security headers on API answers and refusals, and never a CORS allowance", async () => {
    const { port, serving, api } = await start();
    const answers = [
      await api("GET", "/api/board"),
      await rawRequest(port, { path: "/api/board", headers: { host: `127.0.0.1:${port}` } }),
      await rawRequest(port, {
        method: "OPTIONS",
        path: "/api/board",
        headers: {
          host: `127.0.0.1:${port}`,
          cookie: `specwright_token=${serving.token}`,
          origin: "http://evil.com",
          "access-control-request-method": "POST",
        },
      }),
    ];
    for (const answer of answers) {
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
      expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
    }
    for (const answer of answers) expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answers[2]?.status).toBe(403);
  });
});
