import { mkdtemp, rm, rmdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunShellCommandOptions, runShellCommand, type ShellCommandResult } from "../../run-shell-command.js";
import { bubblewrapArguments, SANDBOX_PROXY_BRIDGE, SANDBOX_PROXY_SOCKET } from "./bubblewrap-arguments.js";
import { type BuildSandboxPolicyOptions, buildSandboxPolicy } from "./build-sandbox-policy.js";
import type { OsSandboxDetection } from "./detect-os-sandbox.js";
import { type NetworkProxy, PROXY_BRIDGE_SCRIPT, startNetworkProxy } from "./network-proxy.js";
import { sandboxExecProfile } from "./sandbox-exec-profile.js";
import type { SandboxPolicy } from "./sandbox-policy.js";

export type AvailableOsSandbox = Extract<OsSandboxDetection, { available: true }>;

export interface RunSandboxedCommandOptions extends Omit<RunShellCommandOptions, "launcher"> {
  /** The sandbox to run in; undefined runs the command unconfined (settings `agent.sandbox: "none"`). */
  readonly sandbox: AvailableOsSandbox | undefined;
  /** The workspace root the policy is built for (the command's `cwd` is inside it). */
  readonly root: string;
  readonly policy?: Omit<BuildSandboxPolicyOptions, "root" | "environment">;
}

export interface SandboxedCommandResult extends ShellCommandResult {
  /** Which sandbox confined the command ("none": it ran unconfined). */
  readonly sandbox: AvailableOsSandbox["kind"] | "none";
  /** The policy it ran under (absent when unconfined). */
  readonly policy: SandboxPolicy | undefined;
}

/** Mount points in use by commands of this process (tools can run in parallel): removed by the last one. */
const mountPointUsers = new Map<string, number>();

/**
 * Runs a shell command inside the operating-system sandbox: the one interface every command Specwright runs
 * for the agent goes through (its `run_command`, verification, and later hooks). The policy is built fresh
 * for each command; mount points the sandbox had to create are removed afterwards.
 */
export async function runSandboxedCommand(options: RunSandboxedCommandOptions): Promise<SandboxedCommandResult> {
  const { sandbox, root, policy: policyOptions, ...shell } = options;
  if (sandbox === undefined) return { ...(await runShellCommand(shell)), sandbox: "none", policy: undefined };
  const policy = await buildSandboxPolicy({ root, environment: options.env, ...policyOptions });
  // A placeholder another command of this process created is this command's to keep alive too.
  const mountPoints = [
    ...policy.createdFolders,
    ...policy.readOnly.map((entry) => entry.path).filter((path) => mountPointUsers.has(path)),
  ];
  for (const folder of mountPoints) mountPointUsers.set(folder, (mountPointUsers.get(folder) ?? 0) + 1);
  // npx must never fetch a package the project does not have: the network is off, and it is told not to ask.
  const env = { ...options.env, npm_config_yes: "false" };
  let privateTemp: string | undefined;
  let proxy: NetworkProxy | undefined;
  try {
    privateTemp = await mkdtemp(join(tmpdir(), "specwright-command-"));
    if (policy.network === "hosts") {
      const listen =
        sandbox.kind === "bubblewrap" ? { socketPath: join(privateTemp, "proxy.sock") } : { port: 0 as const };
      proxy = await startNetworkProxy({ allow: policy.networkHosts, listen });
    }
    if (sandbox.kind === "bubblewrap") {
      const socketPath = proxy !== undefined && "socketPath" in proxy.address ? proxy.address.socketPath : undefined;
      const args = bubblewrapArguments(policy, {
        cwd: options.cwd,
        emptyFile: (await sharedFiles()).emptyFile,
        ...(socketPath !== undefined
          ? { proxy: { socketPath, bridgeScript: (await sharedFiles()).bridgeScript } }
          : {}),
      });
      const result = await runShellCommand({
        ...shell,
        ...(socketPath !== undefined ? { command: bridgedCommand() } : {}),
        env: {
          ...env,
          TMPDIR: "/tmp",
          ...(socketPath !== undefined
            ? { ...proxyEnvironment(BRIDGE_PORT), SPECWRIGHT_SANDBOX_COMMAND: shell.command }
            : {}),
        },
        launcher: { file: sandbox.executable, args },
      });
      return { ...result, sandbox: sandbox.kind, policy };
    }
    const proxyPort = proxy !== undefined && "port" in proxy.address ? proxy.address.port : undefined;
    const profile = sandboxExecProfile(policy, { privateTemp, ...(proxyPort !== undefined ? { proxyPort } : {}) });
    const result = await runShellCommand({
      ...shell,
      env: { ...env, TMPDIR: privateTemp, ...(proxyPort !== undefined ? proxyEnvironment(proxyPort) : {}) },
      launcher: { file: sandbox.executable, args: ["-p", profile] },
    });
    return { ...result, sandbox: sandbox.kind, policy };
  } finally {
    for (const folder of [...mountPoints].reverse()) {
      const users = (mountPointUsers.get(folder) ?? 1) - 1;
      if (users > 0) mountPointUsers.set(folder, users);
      else {
        mountPointUsers.delete(folder);
        await rmdir(folder).catch(() => undefined);
      }
    }
    await proxy?.close();
    if (privateTemp !== undefined) await rm(privateTemp, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The loopback port of the proxy bridge inside a Linux sandbox (its network namespace is its own). */
const BRIDGE_PORT = 3128;

/** Starts the bridge to the host proxy, then the command itself (from the environment: no quoting to get wrong). */
function bridgedCommand(): string {
  const node = `'${process.execPath.replace(/'/g, "'\\''")}'`;
  return `${node} ${SANDBOX_PROXY_BRIDGE} ${SANDBOX_PROXY_SOCKET} ${BRIDGE_PORT} || { echo "specwright: the sandbox's network proxy did not start" >&2; exit 97; }
exec /bin/sh -c "$SPECWRIGHT_SANDBOX_COMMAND"`;
}

/** What package managers, pip, curl and git read to use a proxy; local addresses stay direct. */
function proxyEnvironment(port: number): Record<string, string> {
  const url = `http://127.0.0.1:${port}`;
  return {
    HTTP_PROXY: url,
    HTTPS_PROXY: url,
    http_proxy: url,
    https_proxy: url,
    npm_config_proxy: url,
    npm_config_https_proxy: url,
    NO_PROXY: "localhost,127.0.0.1,::1",
    no_proxy: "localhost,127.0.0.1,::1",
  };
}

let sharedFolder: Promise<{ emptyFile: string; bridgeScript: string }> | undefined;

/** Per process: an empty file bound over files that must exist but show nothing, and the proxy bridge. */
function sharedFiles(): Promise<{ emptyFile: string; bridgeScript: string }> {
  sharedFolder ??= (async () => {
    const folder = await mkdtemp(join(tmpdir(), "specwright-sandbox-"));
    const emptyFile = join(folder, "empty");
    const bridgeScript = join(folder, "proxy-bridge.cjs");
    await writeFile(emptyFile, "", { mode: 0o444 });
    await writeFile(bridgeScript, PROXY_BRIDGE_SCRIPT, { mode: 0o444 });
    return { emptyFile, bridgeScript };
  })();
  return sharedFolder;
}
