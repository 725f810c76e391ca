import { existsSync } from "node:fs";
import { mkdir, readFile, realpath, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSandboxPolicy } from "../../../../src/workspace/sandbox/os-sandbox/build-sandbox-policy.js";
import { detectOsSandbox } from "../../../../src/workspace/sandbox/os-sandbox/detect-os-sandbox.js";
import {
  type AvailableOsSandbox,
  runSandboxedCommand,
} from "../../../../src/workspace/sandbox/os-sandbox/run-sandboxed-command.js";
import { requireOsSandbox } from "../../../helpers/attack-harness.js";
import { git } from "../../../helpers/git-repository.js";
import { useTempDirectory, writeTree } from "../../../helpers/temp-dir.js";

const FILES = {
  ".env": "TOKEN=dotenv-secret\n",
  ".env.example": "TOKEN=\n",
  "config/.env.local": "TOKEN=local-secret\n",
  "deploy/.ssh/id_ed25519": "key-secret\n",
  "node_modules/pkg/.env": "not the user's\n",
  "src/app.js": "console.log('app');\n",
  ".kiro/settings/specwright.json": "{}\n",
  ".kiro/specs/a/tasks.md": "- [ ] 1. Do it\n",
};

describe("buildSandboxPolicy", () => {
  const directory = useTempDirectory("specwright-policy-");

  it("masks the secret files it finds, keeps templates, and protects .git, settings, hooks and tasks.md", async () => {
    await writeTree(directory(), FILES);
    await git(directory(), "init", "--quiet");
    const root = await realpath(directory());
    const policy = await buildSandboxPolicy({ root, environment: {} });
    expect(policy.masked).toEqual(
      expect.arrayContaining([
        { path: join(root, ".env"), kind: "file" },
        { path: join(root, "config/.env.local"), kind: "file" },
        { path: join(root, "deploy/.ssh"), kind: "directory" },
      ]),
    );
    expect(policy.masked.map((entry) => entry.path)).not.toContain(join(root, ".env.example"));
    expect(policy.masked.map((entry) => entry.path)).not.toContain(join(root, "node_modules/pkg/.env"));
    expect(policy.readOnly).toEqual(
      expect.arrayContaining([
        { path: join(root, ".git"), kind: "directory" },
        { path: join(root, ".kiro/settings"), kind: "directory" },
        { path: join(root, ".kiro/specs/a/tasks.md"), kind: "file" },
      ]),
    );
    expect(policy.emptied).toEqual([join(root, ".git/config")]);
    expect(policy.readOnlyPlaceholders).toEqual([join(root, ".kiro/hooks")]);
    expect(policy.createdFolders).toEqual([join(root, ".kiro/hooks")]);
    expect(policy.network).toBe("none");
  });

  it("settings: allowSecretReads unmasks, network hosts turn the network on, tool caches stay writable", async () => {
    await writeTree(directory(), {
      "ws/.env": "x\n",
      "home/.npm/": "",
      "home/.nvm/versions/bin/": "",
      "home/.ssh/id_rsa": "k\n",
    });
    const root = await realpath(join(directory(), "ws"));
    const home = await realpath(join(directory(), "home"));
    const policy = await buildSandboxPolicy({
      root,
      environment: { HOME: home, PATH: `${home}/.nvm/versions/bin:/usr/bin` },
      allowSecretReads: [".env"],
      networkAllow: ["registry.npmjs.org"],
      toolCaches: ["~/.npm", "~/.missing", "../escape"],
    });
    expect(policy.masked).toEqual([]);
    expect(policy.network).toBe("hosts");
    expect(policy.networkHosts).toEqual(["registry.npmjs.org"]);
    expect((await buildSandboxPolicy({ root, environment: {}, networkAllow: ["*"] })).network).toBe("all");
    expect(policy.home).toBe(home);
    expect(policy.homeReadable).toEqual([join(home, ".nvm")]);
    expect(policy.homeWritable).toEqual([join(home, ".npm")]);
  });
});

describe("runSandboxedCommand (the real sandbox)", () => {
  const directory = useTempDirectory("specwright-sandboxed-");
  const outside = useTempDirectory("specwright-sandboxed-outside-");
  let sandbox: AvailableOsSandbox;
  beforeAll(async () => {
    await requireOsSandbox();
    const detection = await detectOsSandbox();
    if (detection.available) sandbox = detection;
  });

  const run = (command: string, root = directory()) =>
    runSandboxedCommand({
      command,
      root,
      cwd: root,
      timeoutMs: 20_000,
      maxOutputBytes: 64_000,
      env: { PATH: process.env.PATH, HOME: outside() },
      sandbox,
    });

  it("secrets are unreadable by any route, templates and the project are readable", async () => {
    await writeTree(directory(), FILES);
    const result = await run(
      "cat .e*; cat config/.env.local; grep -r secret . ; cp .env copy.txt; ls deploy/.ssh; cat src/app.js",
    );
    expect(result.sandbox).toBe(sandbox.kind);
    expect(result.output).not.toMatch(/dotenv-secret|local-secret|key-secret/);
    expect(result.output).toContain("TOKEN=\n");
    expect(result.output).toContain("console.log('app')");
    expect(result.output).toMatch(/Permission denied|Operation not permitted/);
  });

  it("git works inside on an empty config; .git, settings, tasks.md are read-only; placeholders are removed", async () => {
    await writeTree(directory(), FILES);
    await git(directory(), "init", "--quiet");
    await git(directory(), "config", "remote.origin.url", "https://user:token-secret@example.com/r.git");
    const result = await run(
      "git status --short src; cat .git/config; touch .git/x; echo y >> .kiro/specs/a/tasks.md; touch .kiro/settings/x .kiro/hooks/x; echo ok > src/new.js",
    );
    expect(result.output).toContain("?? src/");
    expect(result.output).not.toContain("token-secret");
    expect(result.output.match(/Read-only file system/g)?.length).toBeGreaterThanOrEqual(4);
    expect(await readFile(join(directory(), "src/new.js"), "utf8")).toBe("ok\n");
    expect(await readFile(join(directory(), ".kiro/specs/a/tasks.md"), "utf8")).toBe(FILES[".kiro/specs/a/tasks.md"]);
    expect(existsSync(join(directory(), ".kiro/hooks"))).toBe(false);
    expect(existsSync(join(directory(), ".git/x"))).toBe(false);
  });

  it("commands run in parallel share the placeholder mount points", async () => {
    await writeTree(directory(), { "src/a.js": "a\n" });
    const results = await Promise.all(Array.from({ length: 4 }, (_, index) => run(`echo ${index} > out-${index}.txt`)));
    expect(results.map((result) => result.exitCode)).toEqual([0, 0, 0, 0]);
    expect(existsSync(join(directory(), ".kiro"))).toBe(false);
  });

  it("agent.network.allow: the named host answers through the proxy, any other gets a 403 naming the setting", async () => {
    const server = createServer((request, response) => response.end(`reached ${request.url}`));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const viaProxy = (host: string) =>
      `node -e "const url=new URL(process.env.HTTPS_PROXY); const s=require('net').connect(Number(url.port), url.hostname, () => s.write('GET http://${host}:${port}/x HTTP/1.1\\r\\nHost: ${host}\\r\\nConnection: close\\r\\n\\r\\n')); s.on('data', (d) => process.stdout.write(d)); s.on('error', (e) => console.log('proxy failed', e.code))"`;
    try {
      const run = (command: string) =>
        runSandboxedCommand({
          command,
          root: directory(),
          cwd: directory(),
          timeoutMs: 20_000,
          maxOutputBytes: 64_000,
          env: { PATH: process.env.PATH, HOME: outside() },
          sandbox,
          policy: { networkAllow: ["127.0.0.1"] },
        });
      expect((await run(viaProxy("127.0.0.1"))).output).toContain(`reached http://127.0.0.1:${port}/x`);
      const refused = await run(viaProxy("localhost"));
      expect(refused.output).toContain("403 Forbidden");
      expect(refused.output).toContain("localhost is not in agent.network.allow");
      const direct = await run(
        `node -e "fetch('http://127.0.0.1:${port}/direct').then(() => console.log('direct reached'), () => console.log('direct failed'))"`,
      );
      expect(direct.output).toContain("direct failed");
    } finally {
      server.close();
    }
  });

  it("/tmp is private, home is hidden, the network is off, and nothing outlives the command", async () => {
    await writeFile(join(outside(), "notes.txt"), "home-secret\n");
    const server = createServer((_request, response) => response.end("reached"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await mkdir(join(directory(), "src"));
      const result = await run(
        [
          `cat ${join(outside(), "notes.txt")}`,
          "ls -A ~",
          "echo private > /tmp/mine && cat /tmp/mine",
          `node -e "fetch('http://127.0.0.1:${port}').then(r => r.text()).then(console.log, e => console.log('fetch failed', e.cause?.code))"`,
          "setsid sleep 31.377 > /dev/null 2>&1 &",
          "nohup sleep 31.378 > /dev/null 2>&1 &",
        ].join("\n"),
      );
      expect(result.output).not.toContain("home-secret");
      expect(result.output).not.toContain("reached");
      expect(result.output).toContain("fetch failed");
      expect(result.output).toContain("private");
      expect(existsSync("/tmp/mine")).toBe(false);
      const leftovers = await import("node:fs/promises").then(async ({ readdir }) => {
        const found: string[] = [];
        for (const pid of await readdir("/proc")) {
          const line = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
          if (line.includes("31.37")) found.push(line);
        }
        return found;
      });
      expect(leftovers).toEqual([]);
    } finally {
      server.close();
    }
  });
});
