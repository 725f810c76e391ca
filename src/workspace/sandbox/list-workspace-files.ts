import { walkGitVisibleFiles } from "../walk-git-visible-files.js";

export interface ListWorkspaceFilesOptions {
  /** The folder to list, relative to the root (`/`-separated); "" for the root. */
  readonly under?: string;
  /** Keep only files for which this returns true (given the root-relative path). */
  readonly include?: (relativePath: string) => boolean;
  /** Stop after this many files. Default 2,000. */
  readonly maxFiles?: number;
}

export interface WorkspaceFileListing {
  /** Root-relative, `/`-separated, sorted. Symlinks are listed, never followed. */
  readonly files: readonly string[];
  /** True when the listing stopped at `maxFiles`. */
  readonly truncated: boolean;
}

/**
 * The files of the working tree as git sees them (see `walkGitVisibleFiles`), for the agent's tools. Hidden
 * files that are not ignored are listed (an agent needs `.gitignore` and `.github/` too), and so are symlinks.
 * A start folder that cannot be read is an error: the agent asked for it by name.
 */
export async function listWorkspaceFiles(
  root: string,
  options: ListWorkspaceFilesOptions = {},
): Promise<WorkspaceFileListing> {
  const include = options.include;
  return walkGitVisibleFiles(root, {
    under: options.under ?? "",
    maxFiles: options.maxFiles ?? 2_000,
    ...(include !== undefined ? { keepFile: (file) => include(file.path) } : {}),
  });
}
