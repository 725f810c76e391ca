import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { compareStrings } from "./compare-strings.js";
import { errorCodeOf } from "./error-code.js";
import { kiroPaths } from "./kiro-paths.js";
import { mapFileSystemError } from "./map-file-system-error.js";

export interface KiroFiles {
  /** `.kiro/steering/*.md`, sorted. */
  readonly steering: readonly string[];
  /** `.kiro/hooks/*.kiro.hook` (Kiro 0.x) and `.kiro/hooks/*.json` (Kiro 1.0), sorted. */
  readonly hooks: readonly string[];
  /** `.kiro/settings/mcp.json`, when it exists. */
  readonly mcpSettings: string | undefined;
}

/** The steering, hook and MCP settings files of the workspace at `root` (absolute paths). */
export async function listKiroFiles(root: string): Promise<KiroFiles> {
  const paths = kiroPaths(root);
  const [steering, hooks, mcpSettingsExists] = await Promise.all([
    listFiles(paths.steeringDirectory, (name) => name.endsWith(".md")),
    listFiles(paths.hooksDirectory, (name) => name.endsWith(".kiro.hook") || name.endsWith(".json")),
    isFile(paths.mcpSettingsFile),
  ]);
  return { steering, hooks, mcpSettings: mcpSettingsExists ? paths.mcpSettingsFile : undefined };
}

async function listFiles(directory: string, accept: (name: string) => boolean): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw mapFileSystemError(error, directory, "list");
  }
  return entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && accept(entry.name))
    .map((entry) => entry.name)
    .sort(compareStrings)
    .map((name) => join(directory, name));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === "ENOENT" || code === "ENOTDIR") return false;
    throw mapFileSystemError(error, path, "list");
  }
}
