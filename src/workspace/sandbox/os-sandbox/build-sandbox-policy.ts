import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import { delimiter, dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { isSecretPath } from "../secret-files.js";
import type { SandboxPath, SandboxPolicy } from "./sandbox-policy.js";

export interface BuildSandboxPolicyOptions {
  /** The workspace root. */
  readonly root: string;
  /** Settings `agent.allowSecretReads`: secret-looking files that stay readable. */
  readonly allowSecretReads?: readonly string[];
  /** Settings `agent.network.allow`: hosts, or `*` for every host. */
  readonly networkAllow?: readonly string[];
  /** Settings `agent.toolCaches`: folders under home (`~/.npm`) that stay readable and writable. */
  readonly toolCaches?: readonly string[];
  /** The environment the command starts from (for HOME and PATH). */
  readonly environment: Readonly<Record<string, string | undefined>>;
}

/** Folders the walk for secret files does not enter: installed dependencies and build output, often huge. */
const UNWALKED_FOLDERS = new Set(["node_modules", ".git", ".venv", "venv", ".tox", "__pycache__", "target"]);
/** Past this many entries the walk stops; the names it saw are masked, the rest stay as the policy list. */
const MAX_WALKED_ENTRIES = 50_000;
/** Tool chains on PATH whose whole folder is needed (shims find their versions there). */
const TOOLCHAIN_ROOTS = new Set([
  ".pyenv",
  ".nvm",
  ".rbenv",
  ".asdf",
  ".volta",
  ".rustup",
  ".fnm",
  ".bun",
  ".deno",
  ".sdkman",
  ".goenv",
  ".nodenv",
]);
/** A PATH folder that needs a sibling tool chain folder as well (cargo's proxies run rustup's toolchains). */
const TOOLCHAIN_COMPANIONS: Readonly<Record<string, readonly string[]>> = { ".cargo/bin": [".rustup"] };

/**
 * The sandbox policy for commands in `root`: the workspace writable except `.git/`, `.kiro/settings/`,
 * `.kiro/hooks/`, each spec's `tasks.md` and approvals; the secret files found in it masked; home hidden
 * except the tool chains on PATH and the tool caches the settings name; the network off unless the settings
 * name hosts (then only those, through the proxy) or `*`. Built before each command, so files created since the last one are covered.
 */
export async function buildSandboxPolicy(options: BuildSandboxPolicyOptions): Promise<SandboxPolicy> {
  const workspace = await realpath(resolve(options.root));
  const readOnly: SandboxPath[] = [];
  const placeholders: string[] = [];
  const createdFolders: string[] = [];
  const emptied: string[] = [];
  const masked = await findSecretPaths(workspace, options.allowSecretReads ?? []);

  const gitEntry = await kindOf(join(workspace, ".git"));
  if (gitEntry !== undefined) {
    readOnly.push({ path: join(workspace, ".git"), kind: gitEntry });
    for (const gitDirectory of await repositoryDirectories(workspace, gitEntry)) {
      if ((await kindOf(join(gitDirectory, "config"))) === "file") emptied.push(join(gitDirectory, "config"));
    }
  }
  for (const folder of [".kiro/settings", ".kiro/hooks"]) {
    const absolute = join(workspace, ...folder.split("/"));
    const kind = await kindOf(absolute);
    if (kind !== undefined) readOnly.push({ path: absolute, kind });
    else {
      placeholders.push(absolute);
      createdFolders.push(
        ...(await missingFolders(workspace, absolute)).filter((path) => !createdFolders.includes(path)),
      );
    }
  }
  readOnly.push(...(await specRecords(workspace)));

  const home = homeToHide(options.environment.HOME, workspace);
  const homeReadable = home === undefined ? [] : await toolchainFolders(home, options.environment.PATH ?? "");
  const homeWritable = home === undefined ? [] : await existingFolders(home, options.toolCaches ?? []);
  const hosts = options.networkAllow ?? [];
  return {
    workspace,
    readOnly,
    readOnlyPlaceholders: placeholders,
    createdFolders,
    masked,
    emptied,
    home,
    homeReadable,
    homeWritable,
    network: hosts.includes("*") ? "all" : hosts.length > 0 ? "hosts" : "none",
    networkHosts: hosts,
  };
}

async function kindOf(path: string): Promise<SandboxPath["kind"] | undefined> {
  try {
    return (await stat(path)).isDirectory() ? "directory" : "file";
  } catch {
    return undefined;
  }
}

/** Every secret-looking file or folder in the workspace (symlinks by where they lead, when that exists). */
async function findSecretPaths(workspace: string, allowSecretReads: readonly string[]): Promise<SandboxPath[]> {
  const found: SandboxPath[] = [];
  let seen = 0;
  const walk = async (folder: string): Promise<void> => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      seen += 1;
      if (seen > MAX_WALKED_ENTRIES) return;
      const absolute = join(folder, entry.name);
      const relativePath = relative(workspace, absolute).split(sep).join(posix.sep);
      if (entry.isDirectory()) {
        if (UNWALKED_FOLDERS.has(entry.name)) continue;
        // A folder every file of which is secret (.ssh/, .aws/) is masked whole.
        if (
          isSecretPath(`${relativePath}/x`, allowSecretReads) &&
          isSecretPath(`${relativePath}/y.txt`, allowSecretReads)
        ) {
          found.push({ path: absolute, kind: "directory" });
          continue;
        }
        await walk(absolute);
      } else if (isSecretPath(relativePath, allowSecretReads)) {
        const kind = entry.isSymbolicLink() ? await kindOf(absolute) : "file";
        if (kind !== undefined) found.push({ path: absolute, kind });
      }
    }
  };
  await walk(workspace);
  return found;
}

/** The repository folders whose `config` is hidden: `.git/`, or for a worktree its git dir and common dir. */
async function repositoryDirectories(workspace: string, kind: SandboxPath["kind"]): Promise<string[]> {
  const dotGit = join(workspace, ".git");
  if (kind === "directory") return [dotGit];
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(await readFile(dotGit, "utf8").catch(() => ""));
  if (pointer?.[1] === undefined) return [];
  const gitDirectory = resolve(workspace, pointer[1]);
  const common = (await readFile(join(gitDirectory, "commondir"), "utf8").catch(() => "")).trim();
  return common === "" ? [gitDirectory] : [gitDirectory, resolve(gitDirectory, common)];
}

/** Each spec's tasks.md and approvals: only the engine checks a task off or records an approval. */
async function specRecords(workspace: string): Promise<SandboxPath[]> {
  const specs = join(workspace, ".kiro", "specs");
  const entries = await readdir(specs, { withFileTypes: true }).catch(() => []);
  const records: SandboxPath[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    for (const name of ["tasks.md", ".specwright-approvals.json"]) {
      const path = join(specs, entry.name, name);
      if ((await kindOf(path)) === "file") records.push({ path, kind: "file" });
    }
  }
  return records;
}

/** The folders from the first missing one down to `path` (a mount point the launcher will create). */
async function missingFolders(workspace: string, path: string): Promise<string[]> {
  const missing: string[] = [];
  let current = path;
  while (current !== workspace && (await kindOf(current)) === undefined) {
    missing.unshift(current);
    current = dirname(current);
  }
  return missing;
}

/** Home is hidden unless it is unknown, the root folder, or the workspace or inside it (a workspace below home is mounted back). */
function homeToHide(home: string | undefined, workspace: string): string | undefined {
  if (home === undefined || home === "" || !isAbsolute(home)) return undefined;
  const normalized = resolve(home);
  if (normalized === sep) return undefined;
  const fromWorkspace = relative(workspace, normalized);
  const homeInsideWorkspace = fromWorkspace === "" || !(fromWorkspace.startsWith("..") || isAbsolute(fromWorkspace));
  return homeInsideWorkspace ? undefined : normalized;
}

async function toolchainFolders(home: string, path: string): Promise<string[]> {
  const folders: string[] = [];
  const add = async (folder: string) => {
    if (!folders.includes(folder) && (await kindOf(folder)) === "directory") folders.push(folder);
  };
  for (const entry of path.split(delimiter)) {
    if (entry === "" || !isAbsolute(entry)) continue;
    const inside = relative(home, entry);
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) continue;
    const parts = inside.split(sep);
    const top = parts[0] ?? "";
    await add(TOOLCHAIN_ROOTS.has(top) ? join(home, top) : entry);
    for (const companion of TOOLCHAIN_COMPANIONS[parts.join("/")] ?? []) await add(join(home, companion));
  }
  return folders;
}

/** Tool cache folders as written in the settings (`~/.npm`, `.cache/pip`), those that exist under home. */
async function existingFolders(home: string, caches: readonly string[]): Promise<string[]> {
  const folders: string[] = [];
  for (const cache of caches) {
    const path = resolve(home, cache.replace(/^~(?=\/|$)/, ".").replace(/^\.\//, ""));
    const inside = relative(home, path);
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) continue;
    if ((await lstat(path).catch(() => undefined))?.isDirectory() === true) folders.push(path);
  }
  return folders;
}
