import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDashboardForTest } from "../../../helpers/dashboard-http.js";
import { createGitRepository } from "../../../helpers/git-repository.js";
import { rawHttp, sendRaw } from "../../../helpers/raw-http-socket.js";
import { SAMPLE_WORKSPACE } from "../../../helpers/sample-specs.js";
import { useTempDirectory } from "../../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-path-attacks-");
const SECRET = "secret-outside-the-build";

/** A built page whose folder also holds links to a file and a folder outside it. */
async function start() {
  const root = join(directory(), "workspace");
  await mkdir(root, { recursive: true });
  await createGitRepository(root, { files: SAMPLE_WORKSPACE });
  const assets = join(directory(), "package", "dist", "dashboard");
  await mkdir(join(assets, "assets"), { recursive: true });
  await writeFile(
    join(assets, "index.html"),
    "<!doctype html><title>page</title><script type=module src=./assets/app.js></script>",
  );
  await writeFile(join(assets, "assets", "app.js"), "export {};");
  await writeFile(join(directory(), "package", "package.json"), `{"name":"${SECRET}"}`);
  await symlink(join(directory(), "package", "package.json"), join(assets, "assets", "linked.json"));
  await symlink(join(directory(), "package"), join(assets, "assets", "outside"));
  return startDashboardForTest([root], { assetsDirectory: assets });
}

describe("path attacks on the dashboard (raw sockets on 127.0.0.1)", () => {
  it("serves the page and its assets, and nothing outside the build folder in any encoding", async () => {
    const { port, serving } = await start();
    const headers = [`Host: 127.0.0.1:${port}`, `Cookie: specwright_token=${serving.token}`];
    const page = await sendRaw(port, rawHttp("GET / HTTP/1.1", headers));
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    const policy = page.headers["content-security-policy"] ?? "";
    const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
    expect(scripts.trim()).toBe("'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    const script = await sendRaw(port, rawHttp("GET /assets/app.js HTTP/1.1", headers));
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toContain("text/javascript");
    for (const target of [
      "/..%2f..%2fpackage.json",
      "/assets/..%2f..%2f..%2fpackage.json",
      "/assets/%2e%2e/%2e%2e/%2e%2e/package.json",
      "/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fpackage.json",
      "/assets/..%5c..%5c..%5cpackage.json",
      "/assets/../../../package.json",
      "/assets/app.js%00.html",
      "/%00",
      "/assets/%ZZ",
      "/assets/linked.json",
      "/assets/outside/package.json",
      "//package.json",
    ]) {
      const answer = await sendRaw(port, rawHttp(`GET ${target} HTTP/1.1`, headers));
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      expect(answer.body, target).not.toContain(SECRET);
      expect(answer.json, target).toMatchObject({ error: { code: expect.any(String), fix: expect.any(String) } });
    }
    expect((await sendRaw(port, rawHttp("GET /api/roots HTTP/1.1", headers))).status).toBe(200);
  });

  it("refuses spec names, roots, task ids and documents that are not names, with JSON and a fix", async () => {
    const { port, serving } = await start();
    const headers = [`Host: 127.0.0.1:${port}`, `Cookie: specwright_token=${serving.token}`];
    const cases: [string, number[]][] = [
      ["/api/specs/0/..%2f..%2f..%2fetc", [400]],
      ["/api/specs/0/..%5Cpackage", [400]],
      ["/api/specs/0/%2e%2e", [400, 404]],
      ["/api/specs/0/rate-limiting%00", [400]],
      ["/api/specs/0x0/rate-limiting", [404]],
      ["/api/specs/00/rate-limiting", [404]],
      ["/api/specs/-1/rate-limiting", [404]],
      ["/api/specs/1/rate-limiting", [404]],
      ["/api/specs/0/rate-limiting/tasks/1%3Brm%20-rf%20%24(id)/diff", [400]],
      ["/api/specs/0/rate-limiting/tasks/%60id%60/diff", [400]],
      ["/api/specs/0/rate-limiting/approvals/package/diff", [400, 404]],
      ["/api/specs/0/rate-limiting/approvals/..%2fsteering/diff", [400]],
    ];
    for (const [target, statuses] of cases) {
      const answer = await sendRaw(port, rawHttp(`GET ${target} HTTP/1.1`, headers));
      expect(statuses, `${target} answered ${answer.status}`).toContain(answer.status);
      expect(answer.json, target).toMatchObject({ error: { code: expect.any(String), fix: expect.any(String) } });
      expect(answer.body, target).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    const spec = await sendRaw(port, rawHttp("GET /api/specs/0/rate-limiting HTTP/1.1", headers));
    expect(spec.status).toBe(200);
  });
});
