import { resolveStartingRoot } from "../init/init-target-root.js";

/**
 * Where `steer generate` writes: `root` when given (it must exist; `.kiro/` may not yet), else the nearest
 * folder holding `.kiro/` at or above `cwd`, else `cwd` itself: generating steering is a way to start.
 */
export function resolveSteeringRoot(options: { readonly cwd: string; readonly root?: string }): Promise<string> {
  return resolveStartingRoot(options);
}
