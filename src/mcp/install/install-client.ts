import { join, resolve } from "node:path";
import { EngineError } from "../../engine/errors/engine-error.js";
import { writeFileAtomic } from "../../workspace/atomic-write.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { withFileLock } from "../../workspace/file-lock.js";
import { locateKiroRoot } from "../../workspace/find-kiro-root.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { clientConfigTarget, type McpClient, SERVER_NAME } from "./mcp-clients.js";
import { type MergeOutcome, mergeJsonServer } from "./merge-json-server.js";
import { mergeTomlServer } from "./merge-toml-server.js";

export interface InstallClientOptions {
  readonly cwd: string;
  /** The project root; default the nearest folder with `.kiro/` at or above `cwd`, else `cwd`. */
  readonly root?: string;
  readonly client: McpClient;
}

export interface InstalledClient {
  readonly client: McpClient;
  readonly root: string;
  /** The config file (absolute). */
  readonly path: string;
  /** The same, relative to the root. */
  readonly file: string;
  /** False when Specwright was already configured exactly so: nothing was written. */
  readonly changed: boolean;
  /** True when an older Specwright entry was replaced. */
  readonly replaced: boolean;
  readonly created: boolean;
  /** What was merged in, as the file's format writes it. */
  readonly snippet: string;
}

/** The text `--print` shows: the entry in the file's format, ready to paste. */
export function clientSnippet(client: McpClient): { readonly file: string; readonly snippet: string } {
  const target = clientConfigTarget(client);
  const merged = merge("", target.format, target.key, target.entry);
  if (!merged.ok) throw new Error(`Cannot render the ${client} snippet: ${merged.message}`);
  return { file: target.file, snippet: merged.text };
}

/**
 * Adds Specwright to one client's project config file, keeping every other server and byte; the file is read
 * and written under its lock and replaced atomically. Running it twice changes nothing the second time.
 */
export async function installClient(options: InstallClientOptions): Promise<InstalledClient> {
  const root =
    options.root !== undefined
      ? resolve(options.cwd, options.root)
      : ((await locateKiroRoot(options.cwd)) ?? resolve(options.cwd));
  const target = clientConfigTarget(options.client);
  const path = join(root, ...target.file.split("/"));
  const { snippet } = clientSnippet(options.client);
  await ensureDirectory(join(path, ".."));
  return withFileLock(path, async () => {
    const created = !(await pathExists(path));
    // `.mcp.json` sits in the repository root, outside `.kiro`: the workspace boundary is named explicitly.
    const current = created ? "" : await readTextFile(path, { within: root });
    const merged = merge(current, target.format, target.key, target.entry);
    if (!merged.ok) {
      throw new EngineError({
        code: "unmergeable-config",
        message: `${target.file}: ${merged.message} Nothing was written.`,
        fix: merged.fix,
        path,
      });
    }
    if (merged.changed) await writeFileAtomic(path, merged.text, { within: root });
    return {
      client: options.client,
      root,
      path,
      file: target.file,
      changed: merged.changed,
      replaced: merged.replaced,
      created: created && merged.changed,
      snippet,
    };
  });
}

function merge(
  text: string,
  format: "json" | "toml",
  key: string,
  entry: Readonly<Record<string, unknown>>,
): MergeOutcome {
  if (format === "json") return mergeJsonServer(text, key, SERVER_NAME, entry);
  const { command, args } = entry;
  if (typeof command !== "string" || !Array.isArray(args)) throw new Error("A TOML server needs command and args.");
  return mergeTomlServer(text, key, SERVER_NAME, { command, args: args.map(String) });
}
