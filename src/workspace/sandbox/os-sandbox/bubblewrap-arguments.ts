import type { SandboxPolicy } from "./sandbox-policy.js";

export interface BubblewrapArgumentsOptions {
  /** The folder the command starts in (inside the workspace). */
  readonly cwd: string;
  /** An empty file on the host, bound over files that must exist but say nothing (a repository's config). */
  readonly emptyFile: string;
  /** For `network: "hosts"`: the host proxy's unix socket and the bridge script, bound into the private /tmp. */
  readonly proxy?: { readonly socketPath: string; readonly bridgeScript: string };
}

/** Where the proxy's socket and bridge appear inside a Linux sandbox. */
export const SANDBOX_PROXY_SOCKET = "/tmp/.specwright-proxy.sock";
export const SANDBOX_PROXY_BRIDGE = "/tmp/.specwright-proxy-bridge.cjs";

/**
 * bubblewrap's arguments for a policy, before the command itself. The order is the mount order: the whole
 * file system read-only, a private /tmp and an empty home over it, the workspace bound back writable, then
 * the read-only parts and the masks on top. New namespaces for everything (the command sees only its own
 * processes in /proc, has no network unless allowed), a new session (no terminal injection), and bubblewrap
 * dies with Specwright; when the command's first process ends, the kernel ends every process it left.
 */
export function bubblewrapArguments(policy: SandboxPolicy, options: BubblewrapArgumentsOptions): string[] {
  const args = ["--die-with-parent", "--new-session", "--unshare-all"];
  if (policy.network === "all") args.push("--share-net");
  args.push("--cap-drop", "ALL", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp");
  if (policy.network === "hosts" && options.proxy !== undefined) {
    args.push("--bind", options.proxy.socketPath, SANDBOX_PROXY_SOCKET);
    args.push("--ro-bind", options.proxy.bridgeScript, SANDBOX_PROXY_BRIDGE);
  }
  if (policy.home !== undefined) {
    args.push("--tmpfs", policy.home);
    for (const folder of policy.homeReadable) args.push("--ro-bind", folder, folder);
    for (const folder of policy.homeWritable) args.push("--bind", folder, folder);
  }
  args.push("--bind", policy.workspace, policy.workspace);
  for (const entry of policy.readOnly) args.push("--ro-bind", entry.path, entry.path);
  for (const folder of policy.readOnlyPlaceholders) args.push("--tmpfs", folder, "--remount-ro", folder);
  for (const path of policy.emptied) args.push("--ro-bind", options.emptyFile, path);
  for (const entry of policy.masked) {
    // /dev/null bound without its device rights cannot be opened: reads fail with "Permission denied".
    if (entry.kind === "file") args.push("--ro-bind", "/dev/null", entry.path);
    else args.push("--perms", "0000", "--tmpfs", entry.path, "--remount-ro", entry.path);
  }
  args.push("--chdir", options.cwd);
  return args;
}
