import { execFile } from "node:child_process";
import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { EngineError } from "../errors/engine-error.js";
import { API_KEY_VARIABLES, isModelProvider } from "../llm/model-providers.js";
import { resolveModelSelection } from "../llm/resolve-model-selection.js";
import { resolveCommandSandbox } from "../sandbox/command-sandbox.js";
import { loadSpecwrightSettings } from "../workspace-model/load-specwright-settings.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import type { DoctorModel, DoctorReport, DoctorSandbox } from "./doctor-report.js";

export type { DoctorModel, DoctorReport, DoctorSandbox } from "./doctor-report.js";

export interface RunDoctorOptions extends WorkspaceOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly nodeVersion?: string;
  readonly platform?: NodeJS.Platform;
}

const REQUIRED_NODE = ">=20.19";

/**
 * Checks what Specwright relies on, without changing anything: Node's version, git, which sandbox confines the
 * agent's commands (and so whether autopilot runs), and whether a model is configured (names, never keys).
 * Works outside a workspace too, with the defaults.
 */
export async function runDoctor(options: RunDoctorOptions): Promise<DoctorReport> {
  const env = options.env ?? process.env;
  const root = await resolveWorkspaceRoot(options).catch(() => undefined);
  const settings: SpecwrightSettings =
    root === undefined ? {} : await loadSpecwrightSettings(root, "the sandbox and model settings");
  const nodeVersion = options.nodeVersion ?? process.versions.node;
  const node = { version: nodeVersion, supported: isSupportedNode(nodeVersion), required: REQUIRED_NODE };
  const gitVersion = await gitVersionOf();
  const git =
    gitVersion === undefined
      ? { version: undefined, fix: "Install git (sudo apt-get install git, xcode-select --install, or git-scm.com)." }
      : { version: gitVersion };
  const sandbox = await doctorSandbox(settings, options.platform);
  const model = doctorModel(settings, env);
  return {
    ok: node.supported && gitVersion !== undefined && sandbox.autopilot === "allowed",
    root,
    node,
    git,
    sandbox,
    model,
  };
}

async function doctorSandbox(
  settings: SpecwrightSettings,
  platform: NodeJS.Platform | undefined,
): Promise<DoctorSandbox> {
  const resolved = await resolveCommandSandbox(settings, platform === undefined ? {} : { platform });
  const hosts = settings.agent?.network?.allow ?? [];
  const network =
    hosts.length === 0
      ? "off"
      : hosts.includes("*")
        ? 'on for every host (agent.network.allow: ["*"])'
        : `only ${hosts.join(", ")}, through Specwright's proxy (for tools that honour HTTPS_PROXY; others have none)`;
  const setting = settings.agent?.sandbox ?? "auto";
  if (resolved.state === "os") {
    return {
      setting,
      inForce: resolved.sandbox.kind,
      executable: resolved.sandbox.executable,
      autopilot: "allowed",
      network,
      processes:
        resolved.sandbox.kind === "bubblewrap"
          ? "ended with the command (own pid namespace)"
          : "ended by process group; one that leaves its group can outlive the command",
    };
  }
  if (resolved.state === "off") {
    return {
      setting,
      inForce: "none",
      autopilot: "allowed",
      network: "unconfined",
      processes: "ended by process group",
    };
  }
  return {
    setting,
    inForce: "none",
    autopilot: "refused",
    reason: resolved.reason,
    fix: resolved.fix,
    network: "unconfined",
    processes: "ended by process group",
  };
}

function doctorModel(settings: SpecwrightSettings, env: Readonly<Record<string, string | undefined>>): DoctorModel {
  try {
    const selection = resolveModelSelection({ env, settings });
    const provider = selection.provider;
    const variable =
      isModelProvider(provider) && provider !== "amazon-bedrock" ? API_KEY_VARIABLES[provider] : undefined;
    return {
      configured: true,
      model: `${selection.provider}:${selection.modelId}`,
      source: selection.source,
      ...(variable !== undefined ? { apiKeyVariable: variable, apiKeySet: (env[variable] ?? "").trim() !== "" } : {}),
    };
  } catch (error) {
    if (error instanceof EngineError) {
      return { configured: false, problem: { message: error.message, fix: error.fix } };
    }
    throw error;
  }
}

function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 20 || (major === 20 && minor >= 19);
}

function gitVersionOf(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", ["--version"], { timeout: 10_000 }, (error, stdout) => {
      resolve(error === null ? stdout.trim().replace(/^git version\s*/, "") : undefined);
    });
  });
}
