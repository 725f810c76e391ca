import { afterEach, describe, expect, it } from "vitest";
import { findGitRepository } from "../../../src/workspace/git/git-repository.js";
import { GitCommandError, runGit } from "../../../src/workspace/git/run-git.js";
import { isWorkspaceError } from "../../../src/workspace/workspace-error.js";
import { createGitRepository } from "../../helpers/git-repository.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

describe("runGit", () => {
  const directory = useTempDirectory();
  const inherited = process.env.GIT_DIR;
  afterEach(() => {
    if (inherited === undefined) delete process.env.GIT_DIR;
    else process.env.GIT_DIR = inherited;
  });

  it("reports a failing command as a WorkspaceError with git's message and a fix", async () => {
    await createGitRepository(directory());
    const error: unknown = await runGit(["rev-parse", "--verify", "no-such-ref"], { cwd: directory() }).catch(
      (caught: unknown) => caught,
    );
    if (!(error instanceof GitCommandError)) throw new Error(`expected a GitCommandError, got ${String(error)}`);
    expect(isWorkspaceError(error, "io-error")).toBe(true);
    expect(error).toMatchObject({ exitCode: 128, args: ["rev-parse", "--verify", "no-such-ref"] });
    expect(error.message).toContain("git rev-parse failed");
  });

  it("ignores a GIT_DIR inherited from the environment, working on the repository of its folder", async () => {
    const root = directory();
    await createGitRepository(root);
    process.env.GIT_DIR = "/nonexistent/.git";
    const repository = await findGitRepository(root);
    expect(repository?.topLevel).toMatch(/specwright-test-/);
    expect(repository?.prefix).toBe("");
  });

  it("finds no repository outside one", async () => {
    expect(await findGitRepository(directory())).toBeUndefined();
  });
});
