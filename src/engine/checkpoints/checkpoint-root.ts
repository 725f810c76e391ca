import { resolve } from "node:path";
import { locateKiroRoot } from "../../workspace/find-kiro-root.js";
import type { WorkspaceOptions } from "../workspace-model/workspace-context.js";

/**
 * The folder checkpoints are resolved from: `root` when given, else the nearest folder holding `.kiro/`,
 * else `cwd` itself. Unlike other commands, no `.kiro/` is required: the checkpoints live in git, so
 * outside a repository the refusal names what is really missing.
 */
export async function checkpointRoot(options: WorkspaceOptions): Promise<string> {
  if (options.root !== undefined) return resolve(options.cwd, options.root);
  return (await locateKiroRoot(options.cwd)) ?? resolve(options.cwd);
}
