import { findKiroRoot } from "../../workspace/find-kiro-root.js";

/** Where an engine call works: the folder holding `.kiro/`, found from `cwd` unless `root` is given. */
export interface WorkspaceOptions {
  readonly cwd: string;
  readonly root?: string;
}

export async function resolveWorkspaceRoot(options: WorkspaceOptions): Promise<string> {
  return findKiroRoot(options.cwd, options.root === undefined ? {} : { root: options.root });
}
