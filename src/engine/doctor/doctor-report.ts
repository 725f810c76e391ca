/** `specwright doctor`: what this machine and workspace give Specwright, each with a fix where one is needed. */
export interface DoctorReport {
  /** False when something Specwright needs is missing (an old Node, no git, no sandbox for autopilot). */
  readonly ok: boolean;
  /** The workspace (folder holding `.kiro/`), when there is one. */
  readonly root: string | undefined;
  readonly node: { readonly version: string; readonly supported: boolean; readonly required: string };
  readonly git: { readonly version: string | undefined; readonly fix?: string };
  readonly sandbox: DoctorSandbox;
  readonly model: DoctorModel;
}

export interface DoctorSandbox {
  /** Settings `agent.sandbox` ("auto" unless set). */
  readonly setting: "auto" | "none";
  /** What confines the agent's commands and the tests. */
  readonly inForce: "bubblewrap" | "sandbox-exec" | "none";
  readonly executable?: string;
  /** Whether `run` in autopilot goes ahead (it is refused without a sandbox unless the setting is "none"). */
  readonly autopilot: "allowed" | "refused";
  /** Why there is none, and how to get one. */
  readonly reason?: string;
  readonly fix?: string;
  /** "off", the hosts agent.network.allow names (through the filtering proxy), or every host for `*`. */
  readonly network: string;
  /** Processes a command leaves: ended with it (Linux: pid namespace) or by process group only (macOS). */
  readonly processes: string;
}

export interface DoctorModel {
  readonly configured: boolean;
  /** "provider:model-id" and where it came from. */
  readonly model?: string;
  readonly source?: string;
  /** The variable that holds the provider's key, and whether it is set (never its value). */
  readonly apiKeyVariable?: string;
  readonly apiKeySet?: boolean;
  readonly problem?: { readonly message: string; readonly fix: string };
}
