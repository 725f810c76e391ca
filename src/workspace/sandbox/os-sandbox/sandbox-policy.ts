/**
 * What a sandboxed command may touch, as data: one policy, rendered by each operating system's launcher
 * (bubblewrap arguments on Linux, a sandbox-exec profile on macOS). All paths are absolute.
 */
export interface SandboxPolicy {
  /** The workspace root (its real path): readable and writable except what follows. */
  readonly workspace: string;
  /** Existing paths inside the workspace that stay readable but not writable (.git, settings, tasks.md). */
  readonly readOnly: readonly SandboxPath[];
  /**
   * Protected folders that do not exist yet (`.kiro/settings/` in a new workspace): mounted as empty read-only
   * folders so nothing can be created there. Linux has to create a mount point for them; `createdFolders`
   * lists what did not exist, outermost first, for removal after the command.
   */
  readonly readOnlyPlaceholders: readonly string[];
  readonly createdFolders: readonly string[];
  /** Secret files and folders: not readable at all (masked by an unreadable node). */
  readonly masked: readonly SandboxPath[];
  /** Files replaced by an empty readable file (a repository's `config`, which git inside needs to exist). */
  readonly emptied: readonly string[];
  /** The user's home folder, hidden as a whole; undefined when it could not be told or holds the workspace. */
  readonly home: string | undefined;
  /** Folders under home that stay readable (the tool chains on PATH: ~/.nvm, ~/.pyenv). */
  readonly homeReadable: readonly string[];
  /** Folders under home that stay readable and writable (settings `agent.toolCaches`: ~/.npm). */
  readonly homeWritable: readonly string[];
  /**
   * "none": no network at all. "hosts": only `networkHosts`, through Specwright's filtering proxy (for tools
   * that honour HTTPS_PROXY; others have no network). "all": every host (`agent.network.allow: ["*"]`).
   */
  readonly network: "none" | "hosts" | "all";
  /** The hosts settings `agent.network.allow` names (`*.example.com` for a domain's hosts). */
  readonly networkHosts: readonly string[];
}

export interface SandboxPath {
  readonly path: string;
  readonly kind: "file" | "directory";
}
