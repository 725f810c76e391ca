import { mkdtemp, rm, rmdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunShellCommandOptions, runShellCommand, type ShellCommandResult } from "../../run-shell-command.js";
import { bubblewrapArguments } from "./bubblewrap-arguments.js";
import { type BuildSandboxPolicyOptions, buildSandboxPolicy } from "./build-sandbox-policy.js";
import type { OsSandboxDetection } from "./detect-os-sandbox.js";
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

let emptyFile: Promise<string> | undefined;
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
  try {
    if (sandbox.kind === "bubblewrap") {
      const args = bubblewrapArguments(policy, { cwd: options.cwd, emptyFile: await sharedEmptyFile() });
      const result = await runShellCommand({
        ...shell,
        env: { ...env, TMPDIR: "/tmp" },
        launcher: { file: sandbox.executable, args },
      });
      return { ...result, sandbox: sandbox.kind, policy };
    }
    privateTemp = await mkdtemp(join(tmpdir(), "specwright-command-"));
    const profile = sandboxExecProfile(policy, { privateTemp });
    const result = await runShellCommand({
      ...shell,
      env: { ...env, TMPDIR: privateTemp },
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
    if (privateTemp !== undefined) await rm(privateTemp, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** One empty file per process, bound read-only over files that must exist but show nothing. */
function sharedEmptyFile(): Promise<string> {
  emptyFile ??= (async () => {
    const folder = await mkdtemp(join(tmpdir(), "specwright-sandbox-"));
    const path = join(folder, "empty");
    await writeFile(path, "", { mode: 0o444 });
    return path;
  })();
  return emptyFile;
}
