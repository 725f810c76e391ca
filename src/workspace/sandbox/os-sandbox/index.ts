export { type BubblewrapArgumentsOptions, bubblewrapArguments } from "./bubblewrap-arguments.js";
export { type BuildSandboxPolicyOptions, buildSandboxPolicy } from "./build-sandbox-policy.js";
export {
  type DetectOsSandboxOptions,
  detectOsSandbox,
  type OsSandboxDetection,
  type OsSandboxKind,
} from "./detect-os-sandbox.js";
export { isHostAllowed, type NetworkProxy, startNetworkProxy } from "./network-proxy.js";
export {
  type AvailableOsSandbox,
  type RunSandboxedCommandOptions,
  runSandboxedCommand,
  type SandboxedCommandResult,
} from "./run-sandboxed-command.js";
export { type SandboxExecProfileOptions, sandboxExecProfile } from "./sandbox-exec-profile.js";
export type { SandboxPath, SandboxPolicy } from "./sandbox-policy.js";
