import { chmod, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createCheckpoint,
  restorePaths,
  snapshotTree,
  workingTreeDiffSince,
  workingTreePatchSince,
} from "../../../src/engine/checkpoints/index.js";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { createGitRepository, git, readWorkingTree, repositoryState } from "../../helpers/git-repository.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

describe("workingTreeDiffSince", () => {
  const directory = useTempDirectory();

  it("lists every file changed since the checkpoint, untracked and binary ones included, storing nothing", async () => {
    const root = directory();
    await createGitRepository(root);
    const checkpoint = await createCheckpoint({ root, spec: "calculator", taskId: "1", stage: "before" });
    await writeTree(root, { "src/calculator.js": "// one\n// two\n", "image.bin": new Uint8Array([0, 1, 2, 0]) });
    await writeTree(root, { ".kiro/specs/calculator/runs/run.jsonl": "{}\n" });
    const stateBefore = await repositoryState(root);

    const changes = await workingTreeDiffSince({ root, commit: checkpoint.commit });

    expect(await repositoryState(root)).toEqual(stateBefore);
    expect(changes.map((change) => [change.path, change.kind, change.binary])).toEqual([
      [".kiro/specs/calculator/runs/run.jsonl", "added", false],
      ["image.bin", "added", true],
      ["src/calculator.js", "modified", false],
    ]);
    expect(changes.find((change) => change.path === "src/calculator.js")).toMatchObject({
      linesAdded: 2,
      linesRemoved: 3,
    });
    const forSpec = await workingTreeDiffSince({ root, commit: checkpoint.commit, spec: "calculator" });
    expect(forSpec.map((change) => change.path)).toEqual(["image.bin", "src/calculator.js"]);
  });
});

describe("snapshotTree and workingTreePatchSince", () => {
  const directory = useTempDirectory();

  it("compare one model turn's start with now, file by file, without storing a ref", async () => {
    const root = directory();
    await createGitRepository(root);
    await writeTree(root, { "first-turn.txt": "first\n" });
    const turnStart = await snapshotTree({ root });
    await writeTree(root, { "second-turn.txt": "second\n", "src/calculator.js": "// second turn\n" });

    const changes = await workingTreeDiffSince({ root, commit: turnStart });
    expect(changes.map((change) => change.path)).toEqual(["second-turn.txt", "src/calculator.js"]);
    const onePatch = await workingTreePatchSince({ root, commit: turnStart, paths: ["second-turn.txt"] });
    expect(onePatch).toContain("+second");
    expect(onePatch).not.toContain("calculator.js");
    expect(await git(root, "for-each-ref", "refs/specwright")).toBe("");

    await restorePaths({ root, commit: turnStart, paths: ["src/calculator.js"] });
    expect(await readFile(join(root, "src/calculator.js"), "utf8")).toContain("export function add");
    expect(await readFile(join(root, "first-turn.txt"), "utf8")).toBe("first\n");
  });
});

describe("restorePaths", () => {
  const directory = useTempDirectory();

  it("puts the named paths back as they were and leaves every other file alone", async () => {
    const root = directory();
    await createGitRepository(root);
    await writeTree(root, { "tool.sh": "#!/bin/sh\n" });
    await chmod(join(root, "tool.sh"), 0o755);
    const checkpoint = await createCheckpoint({ root, spec: "calculator", taskId: "1", stage: "before" });
    const original = await readWorkingTree(root);
    await writeTree(root, { "src/calculator.js": "// rejected\n", "package.json": "{}\n", "deep/new/file.txt": "x\n" });
    await rm(join(root, "tool.sh"));

    const restored = await restorePaths({
      root,
      commit: checkpoint.commit,
      paths: ["src/calculator.js", "deep/new/file.txt", "tool.sh"],
    });

    expect(restored).toEqual([
      { path: "deep/new/file.txt", action: "deleted" },
      { path: "src/calculator.js", action: "written" },
      { path: "tool.sh", action: "written" },
    ]);
    expect(await readWorkingTree(root)).toEqual({
      ...original,
      "package.json": (await readWorkingTree(root))["package.json"],
    });
    expect(await readFile(join(root, "package.json"), "utf8")).toBe("{}\n");
    expect(await readWorkingTree(root)).not.toHaveProperty("deep/new/file.txt");
    await expect(readFile(join(root, "deep/new"))).rejects.toThrow();
  });

  it("swaps a file and a folder back in either direction, and restores a symlink", async () => {
    const root = directory();
    await createGitRepository(root);
    await writeTree(root, { "thing/inside.txt": "inside\n", plain: "plain\n" });
    await symlink("plain", join(root, "link"));
    const checkpoint = await createCheckpoint({ root, spec: "calculator", taskId: "1", stage: "before" });
    const original = await readWorkingTree(root);
    await rm(join(root, "thing"), { recursive: true });
    await writeFile(join(root, "thing"), "now a file\n");
    await rm(join(root, "plain"));
    await mkdir(join(root, "plain"));
    await writeFile(join(root, "plain/inside.txt"), "now a folder\n");
    await rm(join(root, "link"));
    await writeFile(join(root, "link"), "not a link\n");

    const changed = await workingTreeDiffSince({ root, commit: checkpoint.commit });
    await restorePaths({ root, commit: checkpoint.commit, paths: changed.map((change) => change.path) });

    expect(await readWorkingTree(root)).toEqual(original);
  });

  it("refuses a path outside the working tree or inside .git, touching nothing", async () => {
    const root = directory();
    await createGitRepository(root);
    const checkpoint = await createCheckpoint({ root, spec: "calculator", taskId: "1", stage: "before" });
    await writeTree(root, { "package.json": "{}\n" });
    const before = await readWorkingTree(root);
    for (const path of ["../outside.txt", "/etc/passwd", ".git/config", "src/../package.json"]) {
      const error: unknown = await restorePaths({ root, commit: checkpoint.commit, paths: [path] }).catch(
        (caught: unknown) => caught,
      );
      expect(error, path).toBeInstanceOf(EngineError);
      expect(error, path).toMatchObject({ code: "invalid-path", kind: "usage" });
    }
    const mixed = restorePaths({ root, commit: checkpoint.commit, paths: ["package.json", "../outside.txt"] });
    await expect(mixed).rejects.toThrow(/outside\.txt/);
    expect(await readWorkingTree(root)).toEqual(before);
  });
});

describe("restorePaths through a symlink that leads out", () => {
  const directory = useTempDirectory();
  const outside = useTempDirectory("specwright-outside-");

  it("refuses to write or delete there, leaving the outside folder alone", async () => {
    const root = directory();
    await createGitRepository(root);
    const checkpoint = await createCheckpoint({ root, spec: "calculator", taskId: "1", stage: "before" });
    await writeTree(outside(), { "calculator.js": "outside\n", "extra.txt": "outside\n" });
    await rm(join(root, "src"), { recursive: true });
    await symlink(outside(), join(root, "src"));

    const write = restorePaths({ root, commit: checkpoint.commit, paths: ["src/calculator.js"] });
    await expect(write).rejects.toMatchObject({ code: "permission-denied" });
    const remove = restorePaths({ root, commit: checkpoint.commit, paths: ["src/extra.txt"] });
    await expect(remove).rejects.toMatchObject({ code: "permission-denied" });
    expect(await readWorkingTree(outside())).toEqual({
      "calculator.js": { kind: "file", executable: false, content: Buffer.from("outside\n").toString("hex") },
      "extra.txt": { kind: "file", executable: false, content: Buffer.from("outside\n").toString("hex") },
    });
  });
});
