import { realpath } from "node:fs/promises";
import { dirname, sep } from "node:path";
import { errorCodeOf } from "../error-code.js";
import { WorkspaceError } from "../workspace-error.js";

/**
 * Refuses to write or delete `target` when the folder it would land in resolves, through a symlink, to a
 * place outside the working tree (a task may have replaced a folder by a link that leads out). The nearest
 * folder that exists is the one checked, since the missing ones will be created under it.
 */
export async function assertInsideWorkingTree(topLevel: string, target: string): Promise<void> {
  const realTop = await realpath(topLevel);
  const real = await nearestExistingRealPath(dirname(target));
  if (real === undefined || real === realTop || real.startsWith(`${realTop}${sep}`)) return;
  throw new WorkspaceError({
    code: "permission-denied",
    message: `Not touching ${target}: its folder leads out of the working tree (to ${real}).`,
    fix: "Remove the symlink that leads out of the repository, then run the command again.",
    path: target,
  });
}

async function nearestExistingRealPath(folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = dirname(current)) {
    try {
      return await realpath(current);
    } catch (error) {
      if (errorCodeOf(error) !== "ENOENT" && errorCodeOf(error) !== "ENOTDIR") throw error;
      if (dirname(current) === current) return undefined;
    }
  }
}
