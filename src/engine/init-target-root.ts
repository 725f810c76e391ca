import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { errorCodeOf } from "../workspace/error-code.js";
import { mapFileSystemError } from "../workspace/map-file-system-error.js";
import { EngineError } from "./engine-error.js";

/**
 * The folder `init` (or `new`, given `--root`) works in: `root` resolved against `cwd`, or `cwd` itself.
 * It must be an existing folder; `.kiro/` inside it may be missing (these commands create it). A missing
 * folder is refused rather than created, since it is most likely a typo.
 */
export async function resolveTargetRoot(options: { readonly cwd: string; readonly root?: string }): Promise<string> {
  const root = resolve(options.cwd, options.root ?? ".");
  let isFolder: boolean;
  try {
    isFolder = (await stat(root)).isDirectory();
  } catch (error) {
    const code = errorCodeOf(error);
    if (code !== "ENOENT" && code !== "ENOTDIR") throw mapFileSystemError(error, root, "read");
    isFolder = false;
  }
  if (!isFolder) {
    throw new EngineError({
      code: "root-not-found",
      message: `The root ${root} is not an existing folder.`,
      fix: "Pass the folder of your project (it must exist), or create it first.",
      path: root,
    });
  }
  return root;
}
