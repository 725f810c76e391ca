import { isAbsolute, posix, relative, resolve, sep } from "node:path";
import { PathRefusedError } from "./path-refused-error.js";

export interface WorkspacePath {
  /** Absolute, normalized; still through any symlink on the way. */
  readonly absolute: string;
  /** Relative to the root, `/`-separated; "" is the root itself. */
  readonly relative: string;
}

/**
 * Where `requested` (relative to `root`, or absolute) points, by name alone (no file system): refused
 * when it leaves the root by `..` or is an absolute path elsewhere. Symlinks are the fs wrapper's job
 * (resolveSafePath), since only the disk knows where they lead.
 */
export function resolveWorkspacePath(root: string, requested: string): WorkspacePath {
  if (requested.includes("\0")) {
    throw new PathRefusedError({
      code: "invalid-path",
      message: "The path contains a NUL character.",
      fix: "Pass a plain path relative to the workspace root, such as src/index.ts.",
      path: requested,
    });
  }
  const normalizedRoot = resolve(root);
  const absolute = resolve(normalizedRoot, requested.trim() === "" ? "." : requested);
  const inside = relativeInside(normalizedRoot, absolute);
  if (inside === undefined) {
    throw new PathRefusedError({
      code: "outside-workspace",
      message: isAbsolute(requested)
        ? `${requested} is outside the workspace.`
        : `${requested} leads outside the workspace (through "..").`,
      fix: "Use a path inside the workspace, relative to its root (for example src/index.ts).",
      path: requested,
    });
  }
  return { absolute, relative: inside };
}

/** `target` relative to `root` with `/` separators, or undefined when it is not `root` or below it. */
export function relativeInside(root: string, target: string): string | undefined {
  const path = relative(root, target);
  if (path === "") return "";
  if (path === ".." || path.startsWith(`..${sep}`) || isAbsolute(path)) return undefined;
  return path.split(sep).join(posix.sep);
}

/** Whether a `/`-separated relative path is in a `.git` folder (the repository's or a submodule's). */
export function isInGitDirectory(relativePath: string): boolean {
  // Case-insensitive because .GIT is .git on macOS and Windows file systems.
  return relativePath.split("/").some((segment) => segment.toLowerCase() === ".git");
}
