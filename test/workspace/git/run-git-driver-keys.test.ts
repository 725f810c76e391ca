import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runGit } from "../../../src/workspace/git/run-git.js";
import { leakedFiles, plantGitPayloads } from "../../helpers/git-payloads.js";
import { createGitRepository, git } from "../../helpers/git-repository.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

// The driver keys are read once per folder and read again when the configuration changes: a filter
// added after Specwright's first git call there must still be emptied.
describe("runGit and the repository's filter and diff drivers", () => {
  const directory = useTempDirectory("specwright-driver-keys-");

  it("empties a filter planted after a first git call in the same folder", async () => {
    const root = directory();
    await createGitRepository(root);
    await runGit(["status", "--porcelain"], { cwd: root });
    await plantGitPayloads(root);
    await writeFile(join(root, "new.txt"), "new\n");
    await runGit(["add", "--all"], { cwd: root });
    expect(await leakedFiles(root)).toEqual([]);
    // A control: plain git runs the planted filter, so the assertion above cannot pass vacuously.
    await writeFile(join(root, "other.txt"), "other\n");
    await git(root, "add", "--all");
    expect((await leakedFiles(root)).length).toBeGreaterThan(0);
  });

  it("empties a filter planted in an included file, which a changed stamp of config alone would miss", async () => {
    const root = directory();
    await createGitRepository(root);
    const included = join(root, "..", `included-${Date.now()}.config`);
    await writeFile(included, "");
    await appendFile(join(root, ".git", "config"), `[include]\n\tpath = ${included}\n`);
    await runGit(["status", "--porcelain"], { cwd: root });
    await writeFile(included, `[filter "y"]\n\tclean = sh -c "env > '${join(root, "leaked-included")}'; cat"\n`);
    await writeFile(join(root, ".gitattributes"), "* filter=y\n");
    await writeFile(join(root, "new.txt"), "new\n");
    await runGit(["add", "--all"], { cwd: root });
    expect(await leakedFiles(root)).toEqual([]);
    await writeFile(join(root, "other.txt"), "other\n");
    await git(root, "add", "--all");
    expect(await leakedFiles(root)).toEqual(["leaked-included"]);
  });

  it("empties a filter planted after a first git call in a folder below the top level", async () => {
    const root = directory();
    await createGitRepository(root);
    const below = join(root, "src");
    await mkdir(below, { recursive: true });
    await runGit(["status", "--porcelain"], { cwd: below });
    await plantGitPayloads(root);
    await writeFile(join(below, "new.txt"), "new\n");
    await runGit(["add", "--all"], { cwd: below });
    expect(await leakedFiles(root)).toEqual([]);
  });
});
