import { isRepositoryPath } from "../../workspace/git/repository-path.js";
import { type RestoredPath, restoreFilesFromTree } from "../../workspace/git/restore-files.js";
import { EngineError } from "../errors/engine-error.js";
import { requireGitRepository } from "./require-git-repository.js";

export interface RestorePathsOptions {
  /** The workspace root (the folder holding `.kiro/`), inside the git repository. */
  readonly root: string;
  /** A checkpoint's commit (or tree), e.g. `Checkpoint.commit`. */
  readonly commit: string;
  /** Relative to the repository's top folder, `/`-separated, as {@link FileChange.path} gives them. */
  readonly paths: readonly string[];
}

/**
 * Puts `paths` back as they were in the checkpoint: content, executable bit and symlinks restored, files
 * that did not exist then deleted (with the folders that leaves empty). Other files are not touched.
 */
export async function restorePaths(options: RestorePathsOptions): Promise<RestoredPath[]> {
  const unsafe = options.paths.filter((path) => !isRepositoryPath(path));
  if (unsafe.length > 0) {
    throw new EngineError({
      code: "invalid-path",
      kind: "usage",
      message: `Cannot restore ${unsafe.map((path) => JSON.stringify(path)).join(", ")}: not a path inside the working tree.`,
      fix: "Pass paths relative to the repository's top folder, `/`-separated, without `..`, outside `.git/`.",
      candidates: unsafe,
    });
  }
  const repository = await requireGitRepository(options.root);
  return restoreFilesFromTree(repository, options.commit, options.paths);
}
