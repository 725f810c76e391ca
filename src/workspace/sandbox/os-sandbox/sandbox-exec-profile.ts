import type { SandboxPolicy } from "./sandbox-policy.js";

export interface SandboxExecProfileOptions {
  /** A folder of this command only, writable, given to the command as TMPDIR (macOS has no private /tmp). */
  readonly privateTemp: string;
  /** For `network: "hosts"`: the loopback port of the host proxy, the one place the command may connect to. */
  readonly proxyPort?: number;
}

/**
 * The macOS sandbox-exec (Seatbelt) profile for a policy, as text. Everything is denied unless allowed: reads
 * of contents everywhere except home (the workspace, tool chains and caches allowed back) and never the
 * masked secrets (names and sizes are readable everywhere);
 * writes only in the workspace (not its read-only parts), the command's private temp folder and the
 * terminal devices; no network unless allowed; no looking into processes outside the sandbox. macOS has
 * no process namespaces: processes are ended by process group, so one that leaves its group can outlive
 * the command there (documented).
 */
export function sandboxExecProfile(policy: SandboxPolicy, options: SandboxExecProfileOptions): string {
  const masked = policy.masked.map((entry) => (entry.kind === "file" ? literal(entry.path) : subpath(entry.path)));
  const notMasked = masked.map((filter) => `(require-not ${filter})`);
  const readOnly = [
    ...policy.readOnly.map((entry) => (entry.kind === "file" ? literal(entry.path) : subpath(entry.path))),
    ...policy.readOnlyPlaceholders.map(subpath),
    ...policy.emptied.map(literal),
  ];
  const readableBack = [policy.workspace, ...policy.homeReadable, ...policy.homeWritable, options.privateTemp];
  const lines = [
    "(version 1)",
    "(deny default)",
    "(allow process-exec)",
    "(allow process-fork)",
    "(allow signal (target same-sandbox))",
    "(allow process-info* (target same-sandbox))",
    "(allow sysctl-read)",
    "(allow mach-lookup)",
    "(allow ipc-posix-shm)",
    "(allow ipc-posix-sem)",
    "(allow pseudo-tty)",
    "(allow file-ioctl)",
    // Names and sizes, never contents: realpath and getcwd walk through home to reach a workspace inside it.
    "(allow file-read-metadata)",
    allowAll("file-read*", [
      ...(policy.home !== undefined ? [`(require-not ${subpath(policy.home)})`] : []),
      ...notMasked,
      ...policy.emptied.map((path) => `(require-not ${literal(path)})`),
    ]),
    allowAll("file-read*", [`(require-any ${readableBack.map(subpath).join(" ")})`, ...notMasked]),
    allowAll("file-write*", [
      `(require-any ${[policy.workspace, ...policy.homeWritable, options.privateTemp].map(subpath).join(" ")})`,
      ...readOnly.map((filter) => `(require-not ${filter})`),
      ...notMasked,
    ]),
    `(allow file-write* ${["/dev/null", "/dev/tty", "/dev/stdout", "/dev/stderr"].map(literal).join(" ")})`,
    '(allow file-write* (regex #"^/dev/fd/"))',
  ];
  // Without an allow, `deny default` keeps every socket closed, DNS included.
  if (policy.network === "all") lines.push("(allow network*)");
  if (policy.network === "hosts" && options.proxyPort !== undefined) {
    lines.push(`(allow network-outbound (remote ip "localhost:${options.proxyPort}"))`);
  }
  return `${lines.join("\n")}\n`;
}

function allowAll(operation: string, conditions: readonly string[]): string {
  return conditions.length === 0
    ? `(allow ${operation})`
    : `(allow ${operation} (require-all ${conditions.join(" ")}))`;
}

function literal(path: string): string {
  return `(literal ${quote(path)})`;
}

function subpath(path: string): string {
  return `(subpath ${quote(path)})`;
}

/** An SBPL string: backslashes and double quotes escaped, so no path can end the string and add a rule. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
