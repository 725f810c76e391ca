import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { type DetectOsSandboxOptions, detectOsSandbox } from "../../workspace/sandbox/os-sandbox/detect-os-sandbox.js";
import type { AvailableOsSandbox } from "../../workspace/sandbox/os-sandbox/run-sandboxed-command.js";

/**
 * What confines the agent's commands and verification in this workspace:
 * - `os`: the operating system's sandbox (bubblewrap, sandbox-exec);
 * - `off`: none, because the settings say `agent.sandbox: "none"`;
 * - `unavailable`: the settings want one and this machine has none (why, and how to install one).
 */
export type CommandSandbox =
  | { readonly state: "os"; readonly sandbox: AvailableOsSandbox }
  | { readonly state: "off" }
  | { readonly state: "unavailable"; readonly reason: string; readonly fix: string };

export async function resolveCommandSandbox(
  settings: SpecwrightSettings,
  options: DetectOsSandboxOptions = {},
): Promise<CommandSandbox> {
  if (settings.agent?.sandbox === "none") return { state: "off" };
  const detection = await detectOsSandbox(options);
  if (detection.available) return { state: "os", sandbox: detection };
  return { state: "unavailable", reason: detection.reason, fix: detection.fix };
}

/** The sandbox the runner hands to `runSandboxedCommand`: undefined runs unconfined. */
export function sandboxToUse(sandbox: CommandSandbox): AvailableOsSandbox | undefined {
  return sandbox.state === "os" ? sandbox.sandbox : undefined;
}

/** The policy's settings: secrets the agent may read, hosts (`*` for all), tool caches. */
export function sandboxPolicySettings(settings: SpecwrightSettings): {
  readonly allowSecretReads: readonly string[];
  readonly networkAllow: readonly string[];
  readonly toolCaches: readonly string[];
} {
  return {
    allowSecretReads: settings.agent?.allowSecretReads ?? [],
    networkAllow: settings.agent?.network?.allow ?? [],
    toolCaches: settings.agent?.toolCaches ?? [],
  };
}

/** One line for people: which sandbox is in force. */
export function describeCommandSandbox(sandbox: CommandSandbox): string {
  if (sandbox.state === "os") return `${sandbox.sandbox.kind} (${sandbox.sandbox.executable})`;
  if (sandbox.state === "off") return 'none (settings agent.sandbox: "none")';
  return `none available: ${sandbox.reason}`;
}
