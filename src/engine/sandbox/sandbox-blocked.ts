/** Messages the kernel's refusals print, across shells, coreutils, Node, Python and git. */
const BLOCKED_LINE =
  /Read-only file system|Permission denied|Operation not permitted|\bEROFS\b|\bEACCES\b|\bEPERM\b|Network is unreachable|\bENETUNREACH\b|Could not resolve host|Temporary failure in name resolution|\bEAI_AGAIN\b|getaddrinfo ENOTFOUND|not in agent\.network\.allow/i;
const MAX_LINES = 5;

/** Lines of a sandboxed command's output that show the sandbox refused something. */
export interface SandboxBlocked {
  /** How many lines of the output say so (an estimate of the operations refused). */
  readonly operations: number;
  /** The first few of them, for the model. */
  readonly lines: readonly string[];
}

/** What the sandbox blocked in this output, or undefined when nothing says so. Pure, on the text. */
export function sandboxBlockedIn(output: string): SandboxBlocked | undefined {
  const lines = output.split("\n").filter((line) => BLOCKED_LINE.test(line));
  if (lines.length === 0) return undefined;
  return { operations: lines.length, lines: lines.slice(0, MAX_LINES).map((line) => line.trim().slice(0, 300)) };
}

/** What the model is told with the result, so it adapts instead of retrying. */
export const SANDBOX_NOTE =
  "The operating-system sandbox refused this. In it, the workspace is writable except .git/, .kiro/settings/, .kiro/hooks/, tasks.md and approvals (read-only); secret files (.env, keys, credentials) cannot be read; home and the rest of the machine are hidden or read-only; /tmp is private; the network is off except the hosts agent.network.allow names (through HTTPS_PROXY). Do not try to get around it: change files of the working tree, and mention in your final answer what you needed.";
