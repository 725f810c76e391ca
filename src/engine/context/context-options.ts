import { resolveWorkspaceRoot } from "../workspace-model/workspace-context.js";

/** Where a context call works: `root` holds `.kiro/`; without it the nearest one above `cwd` (default: the process's). */
export interface ContextWorkspaceOptions {
  readonly root?: string;
  readonly cwd?: string;
}

export function resolveContextRoot(options: ContextWorkspaceOptions): Promise<string> {
  return resolveWorkspaceRoot({
    cwd: options.cwd ?? process.cwd(),
    ...(options.root === undefined ? {} : { root: options.root }),
  });
}

/** Steering text in a context when the caller sets no cap: enough for several long files, far below a model's window. */
export const DEFAULT_STEERING_MAX_CHARS = 40_000;
