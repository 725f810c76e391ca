import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { isDirectory } from "./is-directory.js";
import { KIRO_DIRECTORY_NAME } from "./kiro-paths.js";
import { WorkspaceError } from "./workspace-error.js";

export interface FindKiroRootOptions {
  /** An explicit workspace root (a `--root` flag): used as is, and it must contain `.kiro/`. */
  readonly root?: string;
  /**
   * The user's home folder. `~/.kiro/` holds Kiro's user-level steering and settings, not a workspace,
   * so the upward walk stops below it. Defaults to `os.homedir()`; tests point it at a temp folder.
   */
  readonly homeDirectory?: string;
}

/**
 * The nearest folder at or above `startDirectory` that contains a `.kiro/` directory, or undefined.
 * The home folder is never a match (see `homeDirectory`), and the walk does not go above it.
 */
export async function locateKiroRoot(
  startDirectory: string,
  options: Pick<FindKiroRootOptions, "homeDirectory"> = {},
): Promise<string | undefined> {
  const home = resolve(options.homeDirectory ?? homedir());
  let current = resolve(startDirectory);
  for (;;) {
    if (current === home) return undefined;
    if (await isDirectory(join(current, KIRO_DIRECTORY_NAME))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Like `locateKiroRoot`, but an explicit `root` wins, and finding nothing is a `no-kiro-root` error. */
export async function findKiroRoot(startDirectory: string, options: FindKiroRootOptions = {}): Promise<string> {
  if (options.root !== undefined) {
    const root = resolve(startDirectory, options.root);
    if (await isDirectory(join(root, KIRO_DIRECTORY_NAME))) return root;
    throw new WorkspaceError({
      code: "no-kiro-root",
      message: `The root ${root} has no ${KIRO_DIRECTORY_NAME}/ folder.`,
      fix: `Pass the folder that contains ${KIRO_DIRECTORY_NAME}/, or create it there (mkdir ${join(root, KIRO_DIRECTORY_NAME)}).`,
      path: root,
    });
  }
  const found = await locateKiroRoot(startDirectory, options);
  if (found !== undefined) return found;
  const start = resolve(startDirectory);
  throw new WorkspaceError({
    code: "no-kiro-root",
    message: `No ${KIRO_DIRECTORY_NAME}/ folder found in ${start} or any folder above it.`,
    fix: `Run from inside a project that has a ${KIRO_DIRECTORY_NAME}/ folder, pass its root explicitly, or create one (mkdir ${join(start, KIRO_DIRECTORY_NAME)}).`,
    path: start,
  });
}
