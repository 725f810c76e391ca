import { describe, expect, it } from "vitest";
import { bubblewrapArguments } from "../../../../src/workspace/sandbox/os-sandbox/bubblewrap-arguments.js";
import { quote, sandboxExecProfile } from "../../../../src/workspace/sandbox/os-sandbox/sandbox-exec-profile.js";
import type { SandboxPolicy } from "../../../../src/workspace/sandbox/os-sandbox/sandbox-policy.js";

const POLICY: SandboxPolicy = {
  workspace: "/home/dev/app",
  readOnly: [
    { path: "/home/dev/app/.git", kind: "directory" },
    { path: "/home/dev/app/.kiro/settings", kind: "directory" },
    { path: "/home/dev/app/.kiro/specs/a/tasks.md", kind: "file" },
  ],
  readOnlyPlaceholders: ["/home/dev/app/.kiro/hooks"],
  createdFolders: ["/home/dev/app/.kiro/hooks"],
  masked: [
    { path: "/home/dev/app/.env", kind: "file" },
    { path: "/home/dev/app/deploy/.ssh", kind: "directory" },
  ],
  emptied: ["/home/dev/app/.git/config"],
  home: "/home/dev",
  homeReadable: ["/home/dev/.nvm"],
  homeWritable: ["/home/dev/.npm"],
  network: "none",
  networkHosts: [],
};

/** The pairs of a flag and its operands, in order, as bubblewrap reads them. */
function mountsOf(args: readonly string[]): string[] {
  return args.join(" ").split(/ (?=--)/);
}

describe("bubblewrapArguments", () => {
  const args = bubblewrapArguments(POLICY, { cwd: "/home/dev/app", emptyFile: "/tmp/sw/empty" });
  const mounts = mountsOf(args);

  it("isolates every namespace, drops capabilities and dies with Specwright", () => {
    expect(args.slice(0, 3)).toEqual(["--die-with-parent", "--new-session", "--unshare-all"]);
    expect(args).not.toContain("--share-net");
    expect(mounts).toContain("--cap-drop ALL");
    expect(mounts).toContain("--proc /proc");
  });

  it("mounts in an order where later layers win: root, /tmp, home, workspace, read-only parts, masks", () => {
    const order = [
      "--ro-bind / /",
      "--tmpfs /tmp",
      "--tmpfs /home/dev",
      "--ro-bind /home/dev/.nvm /home/dev/.nvm",
      "--bind /home/dev/.npm /home/dev/.npm",
      "--bind /home/dev/app /home/dev/app",
      "--ro-bind /home/dev/app/.git /home/dev/app/.git",
      "--ro-bind /home/dev/app/.kiro/specs/a/tasks.md /home/dev/app/.kiro/specs/a/tasks.md",
      "--tmpfs /home/dev/app/.kiro/hooks",
      "--remount-ro /home/dev/app/.kiro/hooks",
      "--ro-bind /tmp/sw/empty /home/dev/app/.git/config",
      "--ro-bind /dev/null /home/dev/app/.env",
      "--perms 0000",
      "--tmpfs /home/dev/app/deploy/.ssh",
      "--chdir /home/dev/app",
    ].map((mount) => mounts.indexOf(mount));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((left, right) => left - right)).toEqual(order);
  });

  it("shares the network only when the settings name hosts", () => {
    expect(bubblewrapArguments({ ...POLICY, network: "all" }, { cwd: "/home/dev/app", emptyFile: "/e" })).toContain(
      "--share-net",
    );
  });

  it("binds the host proxy's socket and the bridge into the private /tmp when only some hosts are allowed", () => {
    const hosts = bubblewrapArguments(
      { ...POLICY, network: "hosts", networkHosts: ["registry.npmjs.org"] },
      {
        cwd: "/home/dev/app",
        emptyFile: "/e",
        proxy: { socketPath: "/tmp/c/proxy.sock", bridgeScript: "/tmp/s/bridge.cjs" },
      },
    );
    expect(hosts).not.toContain("--share-net");
    const mounts = mountsOf(hosts);
    expect(mounts).toContain("--bind /tmp/c/proxy.sock /tmp/.specwright-proxy.sock");
    expect(mounts.indexOf("--ro-bind /tmp/s/bridge.cjs /tmp/.specwright-proxy-bridge.cjs")).toBeGreaterThan(
      mounts.indexOf("--tmpfs /tmp"),
    );
  });

  it("leaves home alone when the policy does not hide it", () => {
    const open = bubblewrapArguments({ ...POLICY, home: undefined }, { cwd: "/home/dev/app", emptyFile: "/e" });
    expect(mountsOf(open)).not.toContain("--tmpfs /home/dev");
    expect(mountsOf(open)).not.toContain("--bind /home/dev/.npm /home/dev/.npm");
  });
});

describe("sandboxExecProfile", () => {
  const profile = sandboxExecProfile(POLICY, { privateTemp: "/private/var/folders/x/T/specwright-command-1" });

  it("denies by default and allows processes only within the sandbox", () => {
    const lines = profile.split("\n");
    expect(lines.slice(0, 2)).toEqual(["(version 1)", "(deny default)"]);
    expect(lines).toContain("(allow signal (target same-sandbox))");
    expect(lines).toContain("(allow process-info* (target same-sandbox))");
    expect(lines).not.toContain("(allow file-read*)");
  });

  it("reads everywhere but home and the masked secrets; home's tool chains and the workspace back", () => {
    expect(profile).toContain(
      '(allow file-read* (require-all (require-not (subpath "/home/dev")) (require-not (literal "/home/dev/app/.env")) (require-not (subpath "/home/dev/app/deploy/.ssh")) (require-not (literal "/home/dev/app/.git/config"))))',
    );
    expect(profile).toContain(
      '(allow file-read* (require-all (require-any (subpath "/home/dev/app") (subpath "/home/dev/.nvm") (subpath "/home/dev/.npm") (subpath "/private/var/folders/x/T/specwright-command-1")) (require-not (literal "/home/dev/app/.env")) (require-not (subpath "/home/dev/app/deploy/.ssh"))))',
    );
  });

  it("writes only in the workspace, the caches and the private temp folder, never in the read-only parts", () => {
    const write = profile.split("\n").find((line) => line.startsWith("(allow file-write* (require-all"));
    expect(write).toBe(
      '(allow file-write* (require-all (require-any (subpath "/home/dev/app") (subpath "/home/dev/.npm") (subpath "/private/var/folders/x/T/specwright-command-1")) (require-not (subpath "/home/dev/app/.git")) (require-not (subpath "/home/dev/app/.kiro/settings")) (require-not (literal "/home/dev/app/.kiro/specs/a/tasks.md")) (require-not (subpath "/home/dev/app/.kiro/hooks")) (require-not (literal "/home/dev/app/.git/config")) (require-not (literal "/home/dev/app/.env")) (require-not (subpath "/home/dev/app/deploy/.ssh"))))',
    );
  });

  it("has no network unless the settings name hosts; named hosts mean the proxy's port only", () => {
    expect(profile).not.toContain("network");
    expect(sandboxExecProfile({ ...POLICY, network: "all" }, { privateTemp: "/t" })).toContain("(allow network*)");
    const hosts = sandboxExecProfile({ ...POLICY, network: "hosts" }, { privateTemp: "/t", proxyPort: 41234 });
    expect(hosts).toContain('(allow network-outbound (remote ip "localhost:41234"))');
    expect(hosts).not.toContain("(allow network*)");
  });

  it("quotes paths so none can close the string and add a rule", () => {
    expect(quote('/a"b\\c')).toBe('"/a\\"b\\\\c"');
    const hostile = sandboxExecProfile({ ...POLICY, workspace: '/x") (allow default) ("' }, { privateTemp: "/t" });
    expect(hostile).not.toContain('"/x") (allow default)');
  });
});
