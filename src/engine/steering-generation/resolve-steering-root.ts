import { locateKiroRoot } from "../../workspace/find-kiro-root.js";
import { resolveTargetRoot } from "../init-target-root.js";

/**
 * Where `steer generate` writes: `root` when given (it must exist; `.kiro/` may not yet), else the nearest
 * folder holding `.kiro/` at or above `cwd`, else `cwd` itself: generating steering is a way to start.
 */
export async function resolveSteeringRoot(options: { readonly cwd: string; readonly root?: string }): Promise<string> {
  if (options.root !== undefined) return resolveTargetRoot(options);
  return (await locateKiroRoot(options.cwd)) ?? resolveTargetRoot({ cwd: options.cwd });
}
