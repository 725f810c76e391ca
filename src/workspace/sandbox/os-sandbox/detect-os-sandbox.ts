import { execFile } from "node:child_process";
import { access, constants } from "node:fs/promises";
import { delimiter, join } from "node:path";

export type OsSandboxKind = "bubblewrap" | "sandbox-exec";

/** An operating-system sandbox that works on this machine, or why there is none and how to get one. */
export type OsSandboxDetection =
  | { readonly available: true; readonly kind: OsSandboxKind; readonly executable: string }
  | { readonly available: false; readonly reason: string; readonly fix: string };

export interface DetectOsSandboxOptions {
  readonly platform?: NodeJS.Platform;
  /** Where to look for bwrap; default `process.env.PATH`. */
  readonly path?: string;
}

const PROBE_TIMEOUT_MS = 10_000;
const INSTALL_BUBBLEWRAP =
  'Install bubblewrap: sudo apt-get install bubblewrap (Debian, Ubuntu), sudo dnf install bubblewrap (Fedora), sudo pacman -S bubblewrap (Arch). Or, knowing the agent\'s commands then run unconfined, set agent.sandbox to "none" in .kiro/settings/specwright.json.';
const cache = new Map<string, Promise<OsSandboxDetection>>();

/**
 * Finds the sandbox of this operating system and proves it works by running `true` in it (a container without
 * user namespaces has bwrap but cannot use it). Linux: bubblewrap; macOS: sandbox-exec; elsewhere none.
 * Cached per process: the answer does not change while Specwright runs.
 */
export function detectOsSandbox(options: DetectOsSandboxOptions = {}): Promise<OsSandboxDetection> {
  const platform = options.platform ?? process.platform;
  const path = options.path ?? process.env.PATH ?? "";
  const key = `${platform}\0${path}`;
  let detection = cache.get(key);
  if (detection === undefined) {
    detection = detect(platform, path);
    cache.set(key, detection);
  }
  return detection;
}

async function detect(platform: NodeJS.Platform, path: string): Promise<OsSandboxDetection> {
  if (platform === "linux") {
    const executable = await findExecutable("bwrap", path);
    if (executable === undefined) {
      return { available: false, reason: "bubblewrap (bwrap) is not installed.", fix: INSTALL_BUBBLEWRAP };
    }
    const probe = await run(executable, [
      "--ro-bind",
      "/",
      "/",
      "--dev",
      "/dev",
      "--proc",
      "/proc",
      "--unshare-all",
      "--die-with-parent",
      "true",
    ]);
    if (probe !== undefined) {
      return {
        available: false,
        reason: `bubblewrap is installed but cannot create a sandbox here: ${probe}`,
        fix: 'Allow unprivileged user namespaces (sudo sysctl -w kernel.unprivileged_userns_clone=1, or on Ubuntu 24.04+ kernel.apparmor_restrict_unprivileged_userns=0); in a container, run it with user namespaces allowed. Or set agent.sandbox to "none" in .kiro/settings/specwright.json.',
      };
    }
    return { available: true, kind: "bubblewrap", executable };
  }
  if (platform === "darwin") {
    const executable = "/usr/bin/sandbox-exec";
    const probe = await run(executable, ["-p", "(version 1)(allow default)", "/usr/bin/true"]);
    if (probe !== undefined) {
      return {
        available: false,
        reason: `sandbox-exec (part of macOS) does not work here: ${probe}`,
        fix: 'Run on a macOS with /usr/bin/sandbox-exec, or set agent.sandbox to "none" in .kiro/settings/specwright.json.',
      };
    }
    return { available: true, kind: "sandbox-exec", executable };
  }
  return {
    available: false,
    reason: `No operating-system sandbox Specwright can drive on ${platform}.`,
    fix: 'Run Specwright in WSL 2 or Linux with bubblewrap installed (sudo apt-get install bubblewrap), or on macOS; or set agent.sandbox to "none" in .kiro/settings/specwright.json.',
  };
}

async function findExecutable(name: string, path: string): Promise<string | undefined> {
  for (const folder of path.split(delimiter)) {
    if (folder === "") continue;
    const candidate = join(folder, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

/** Runs a probe; undefined when it exited 0, else its error in one line. */
function run(file: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: PROBE_TIMEOUT_MS, env: { PATH: "/usr/bin:/bin" } }, (error, _stdout, stderr) => {
      if (error === null) resolve(undefined);
      else resolve((stderr.trim() || error.message).split("\n")[0]);
    });
  });
}
