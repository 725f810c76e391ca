import { basename } from "node:path";
import { resolveWorkspaceRoot } from "../workspace-model/workspace-context.js";

/** One workspace the dashboard shows; `id` is its index in the order the roots were given. */
export interface DashboardRoot {
  readonly id: string;
  readonly path: string;
  readonly name: string;
}

/** The workspaces of `--root` (each resolved like any command's `--root`), or the one of `cwd`. */
export async function resolveDashboardRoots(cwd: string, roots: readonly string[]): Promise<DashboardRoot[]> {
  const given = roots.length > 0 ? roots : [undefined];
  const resolved: DashboardRoot[] = [];
  for (const [index, root] of given.entries()) {
    const path = await resolveWorkspaceRoot({ cwd, ...(root === undefined ? {} : { root }) });
    resolved.push({ id: String(index), path, name: basename(path) });
  }
  return resolved;
}
