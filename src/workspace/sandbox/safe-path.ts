import { realpath } from "node:fs/promises";
import { join } from "node:path";
import { realPathAllowingMissing } from "../contained-path.js";
import { mapFileSystemError } from "../map-file-system-error.js";
import { PathRefusedError } from "./path-refused-error.js";
import { isSecretPath } from "./secret-files.js";
import { isInGitDirectory, relativeInside, resolveWorkspacePath, type WorkspacePath } from "./workspace-path.js";

/** What the agent wants to do at a path: writes and deletes are kept out of `.git/`. */
export type PathAccess = "read" | "list" | "write" | "delete";

export interface SafePathOptions {
  /** Settings `agent.allowSecretReads`: globs of secret-looking files that may be touched anyway. */
  readonly allowSecretReads?: readonly string[];
}

export interface SafePath extends WorkspacePath {
  /** The path with every existing symlink on the way resolved; inside the root's real path. */
  readonly real: string;
}

/**
 * Resolves a path the agent asked for and refuses (PathRefusedError) what it may not touch: anything
 * outside the root by name or through a symlink, writes and deletes in `.git/`, and secret-looking files
 * (`.env`, keys, credential files) unless `allowSecretReads` names them. A path that does not exist yet is
 * judged by its nearest existing folder, so a symlinked folder cannot smuggle a new file out.
 */
export async function resolveSafePath(
  root: string,
  requested: string,
  access: PathAccess,
  options: SafePathOptions = {},
): Promise<SafePath> {
  const realRoot = await realPathOf(root);
  const lexical = lexicalPath(root, realRoot, requested);
  const real = await realPathAllowingMissing(lexical.absolute, "read");
  const realRelative = relativeInside(realRoot, real);
  if (realRelative === undefined) {
    throw new PathRefusedError({
      code: "outside-workspace",
      message: `${requested} is a symlink (or inside one) that leads outside the workspace, to ${real}.`,
      fix: "Work on files inside the workspace; symlinks out of it are not followed.",
      path: requested,
    });
  }
  if (
    (access === "write" || access === "delete") &&
    (isInGitDirectory(lexical.relative) || isInGitDirectory(realRelative))
  ) {
    throw new PathRefusedError({
      code: "git-directory",
      message: `${requested} is inside .git/; the agent never ${access === "write" ? "writes" : "deletes"} there.`,
      fix: "Change files of the working tree only; Specwright records and reverts the repository's history itself.",
      path: requested,
    });
  }
  const allow = options.allowSecretReads ?? [];
  if (isSecretPath(lexical.relative, allow) || isSecretPath(realRelative, allow)) {
    throw new PathRefusedError({
      code: "secret-file",
      message: `${requested} looks like a file holding secrets (keys, tokens, .env); it is off limits to the agent.`,
      fix: `Leave it alone; if it holds no secrets, add a glob for it to agent.allowSecretReads in .kiro/settings/specwright.json.`,
      path: requested,
    });
  }
  return { ...lexical, real };
}

function lexicalPath(root: string, realRoot: string, requested: string): WorkspacePath {
  try {
    return resolveWorkspacePath(root, requested);
  } catch (error) {
    // An absolute path may name the root by its real path (/private/tmp vs /tmp on macOS).
    if (error instanceof PathRefusedError && realRoot !== root) {
      const viaReal = resolveWorkspacePath(realRoot, requested);
      return { absolute: join(root, ...viaReal.relative.split("/")), relative: viaReal.relative };
    }
    throw error;
  }
}

async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    throw mapFileSystemError(error, path, "read");
  }
}
