import { join, resolve } from "node:path";
import { locateKiroRoot } from "../../workspace/find-kiro-root.js";
import { KIRO_DIRECTORY_NAME } from "../../workspace/kiro-paths.js";
import { pathKind } from "../../workspace/path-kind.js";
import { EngineError } from "../errors/engine-error.js";

/**
 * The folder `init` (or `new`, given `--root`) works in: `root` resolved against `cwd`, or `cwd` itself.
 * It must be an existing folder; `.kiro/` inside it may be missing (these commands create it). A missing
 * folder is refused rather than created, since it is most likely a typo.
 */
export async function resolveTargetRoot(options: { readonly cwd: string; readonly root?: string }): Promise<string> {
  const root = resolve(options.cwd, options.root ?? ".");
  if ((await pathKind(root)) !== "directory") {
    throw new EngineError({
      code: "root-not-found",
      message: `The root ${root} is not an existing folder.`,
      fix: "Pass the folder of your project (it must exist), or create it first.",
      path: root,
    });
  }
  return root;
}

/**
 * The root of a command that may start a workspace (`new`, `steer generate`): `root` when given (it must exist;
 * `.kiro/` may not yet), else the nearest folder holding `.kiro/` at or above `cwd`, else `cwd` itself.
 */
export async function resolveStartingRoot(options: { readonly cwd: string; readonly root?: string }): Promise<string> {
  if (options.root !== undefined) return resolveTargetRoot(options);
  return (await locateKiroRoot(options.cwd)) ?? resolveTargetRoot({ cwd: options.cwd });
}

/** Refuses a root whose `.kiro` is a file (or anything but a folder): nothing could be created inside it. */
export async function assertKiroFolderUsable(root: string): Promise<void> {
  const path = join(root, KIRO_DIRECTORY_NAME);
  if ((await pathKind(path)) === "other") {
    throw new EngineError({
      code: "kiro-not-a-folder",
      message: `${path} exists but is not a folder, so nothing can be created in it.`,
      fix: `Move or rename that file, then run the command again (Kiro keeps its files in a ${KIRO_DIRECTORY_NAME}/ folder).`,
      path,
    });
  }
}
