import { chmod } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffTrees } from "../../../src/workspace/git/diff-trees.js";
import { findGitRepository } from "../../../src/workspace/git/git-repository.js";
import { parseRawAndNumstat } from "../../../src/workspace/git/parse-diff-output.js";
import { createGitRepository, git } from "../../helpers/git-repository.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

describe("diffTrees", () => {
  const directory = useTempDirectory("specwright-diff-trees-");

  it("reports in one git call what the separate --raw and --numstat calls report, tricky names included", async () => {
    await createGitRepository(directory(), {
      files: { "kept.txt": "a\nb\n", "gone.txt": "x\n", "image.bin": "\u0000\u0001", "mode.sh": "echo\n" },
    });
    const from = (await git(directory(), "rev-parse", "HEAD^{tree}")).trim();
    await git(directory(), "rm", "--quiet", "gone.txt");
    await writeTree(directory(), {
      "kept.txt": "a\nc\nd\n",
      "image.bin": "\u0000\u0002\u0003",
      "new\tname.txt": "one\n",
      "line\nbreak.txt": "two\n",
      ":100644 100644 looks like a header": "three\n",
      "dir/deep.txt": "four\n",
    });
    await chmod(join(directory(), "mode.sh"), 0o755);
    await git(directory(), "add", "--all");
    const to = (await git(directory(), "write-tree")).trim();
    const repository = await findGitRepository(directory());
    if (repository === undefined) throw new Error("no repository");

    // What git reports with one option at a time: the combined output must read the same.
    const options = ["diff-tree", "-r", "-z", "--no-renames", from, to];
    const { changes: raw } = parseRawAndNumstat(await git(directory(), ...options, "--raw"));
    const { counts } = parseRawAndNumstat(await git(directory(), ...options, "--numstat"));
    const separately = raw.map((change) => {
      const lines = counts.get(change.path);
      return { ...change, linesAdded: lines?.linesAdded ?? 0, linesRemoved: lines?.linesRemoved ?? 0, binary: !lines };
    });

    const changes = await diffTrees(repository, from, to);
    expect(changes).toEqual(separately);
    expect(changes.map((change) => change.path)).toEqual([
      ":100644 100644 looks like a header",
      "dir/deep.txt",
      "gone.txt",
      "image.bin",
      "kept.txt",
      "line\nbreak.txt",
      "mode.sh",
      "new\tname.txt",
    ]);
    expect(changes.find((change) => change.path === "image.bin")?.binary).toBe(true);
    expect(changes.find((change) => change.path === "kept.txt")).toMatchObject({ linesAdded: 2, linesRemoved: 1 });
    expect(changes.find((change) => change.path === "mode.sh")).toMatchObject({
      kind: "modified",
      modeAfter: "100755",
    });
  });
});
