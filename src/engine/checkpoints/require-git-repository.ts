import { findGitRepository, type GitRepository } from "../../workspace/git/git-repository.js";
import { EngineError } from "../errors/engine-error.js";

/** The git repository holding `root`, or a refusal saying how to make one: checkpoints are stored in git. */
export async function requireGitRepository(root: string): Promise<GitRepository> {
  const repository = await findGitRepository(root);
  if (repository !== undefined) return repository;
  throw new EngineError({
    code: "not-a-git-repository",
    message: `${root} is not inside a git repository; Specwright keeps each task's checkpoint (for diff and revert) in git.`,
    fix: 'Make it one: git init && git add -A && git commit -m "initial"',
  });
}
