import { execFile } from "node:child_process";
import { chmod, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import {
  createCheckpoint,
  requireGitRepository,
  revertTask,
  taskChanges,
  taskDiff,
} from "../../../src/engine/checkpoints/index.js";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { createGitRepository, git, readWorkingTree, repositoryState } from "../../helpers/git-repository.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const execFileAsync = promisify(execFile);
const SPEC = "calculator";

/** Runs a shell command in `directory`, as a task's `run_command` would. */
async function shell(directory: string, command: string): Promise<void> {
  await execFileAsync("sh", ["-c", command], { cwd: directory });
}

async function expectEngineError(promise: Promise<unknown>, code: string): Promise<EngineError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EngineError);
  if (!(error instanceof EngineError)) throw new Error("unreachable");
  expect(error.code).toBe(code);
  return error;
}

describe("createCheckpoint", () => {
  const directory = useTempDirectory();

  it("snapshots modified, untracked and deleted files but not ignored ones, leaving the user's state byte-identical", async () => {
    const root = directory();
    await createGitRepository(root);
    await writeTree(root, {
      "src/calculator.js": "// edited, not staged\n",
      "notes.txt": "untracked\n",
      "debug.log": "ignored\n",
    });
    await writeTree(root, { "staged.txt": "staged\n" });
    await git(root, "add", "staged.txt");
    await rm(join(root, "test/calculator.test.js"));
    await git(root, "stash", "list");
    const stateBefore = await repositoryState(root);

    const checkpoint = await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before", runId: "run-1" });

    expect(await repositoryState(root)).toEqual(stateBefore);
    expect(checkpoint.ref).toBe("refs/specwright/checkpoints/calculator/1/before");
    expect((await git(root, "rev-parse", checkpoint.ref)).trim()).toBe(checkpoint.commit);
    const files = (await git(root, "ls-tree", "-r", "--name-only", checkpoint.commit)).split("\n");
    expect(files).toEqual(expect.arrayContaining(["notes.txt", "staged.txt", "src/calculator.js", "package.json"]));
    expect(files).not.toContain("debug.log");
    expect(files).not.toContain("test/calculator.test.js");
    expect(await git(root, "show", `${checkpoint.commit}:src/calculator.js`)).toBe("// edited, not staged\n");
    expect(await git(root, "log", "-1", "--format=%B", checkpoint.commit)).toContain("Specwright-Run: run-1");
    expect(Date.parse(checkpoint.createdAt)).not.toBeNaN();
  });

  it("works in a repository with no commit yet, and creates no HEAD", async () => {
    const root = directory();
    await createGitRepository(root, { commit: false });
    const stateBefore = await repositoryState(root);
    const checkpoint = await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before" });
    expect(await repositoryState(root)).toEqual(stateBefore);
    expect(stateBefore.head).toBe("(no commit)");
    expect(await git(root, "show", `${checkpoint.commit}:src/calculator.js`)).toContain("export function add");
  });

  it("keeps executable bits and symlinks in the snapshot", async () => {
    const root = directory();
    await createGitRepository(root);
    await writeTree(root, { "run.sh": "#!/bin/sh\necho hi\n" });
    await chmod(join(root, "run.sh"), 0o755);
    await symlink("src/calculator.js", join(root, "link.js"));
    const checkpoint = await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before" });
    const listing = await git(root, "ls-tree", checkpoint.commit, "run.sh", "link.js");
    expect(listing).toMatch(/^100755 blob \w+\trun\.sh$/m);
    expect(listing).toMatch(/^120000 blob \w+\tlink\.js$/m);
  });

  it("refuses outside a git repository, with the commands that make one", async () => {
    const error = await expectEngineError(requireGitRepository(directory()), "not-a-git-repository");
    expect(error.fix).toContain("git init");
    await expectEngineError(
      createCheckpoint({ root: directory(), spec: SPEC, taskId: "1", stage: "before" }),
      "not-a-git-repository",
    );
  });

  it("refuses a task id that cannot name a ref", async () => {
    const root = directory();
    await createGitRepository(root);
    const error = await expectEngineError(
      createCheckpoint({ root, spec: SPEC, taskId: "../x", stage: "before" }),
      "invalid-checkpoint-name",
    );
    expect(error.kind).toBe("usage");
  });

  it("drops the old after checkpoint when the task starts again", async () => {
    const root = directory();
    await createGitRepository(root);
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before" });
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "after" });
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before" });
    expect((await taskChanges({ root, spec: SPEC, taskId: "1" })).after).toBeUndefined();
  });
});

describe("taskChanges and taskDiff", () => {
  const directory = useTempDirectory();

  it("report files added, modified and deleted by shell commands, with line counts, and leave the runner's bookkeeping out", async () => {
    const root = directory();
    await createGitRepository(root);
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before" });
    await shell(root, "echo x > made-by-shell.txt");
    await shell(root, "printf 'export const one = 1;\\n' >> src/calculator.js");
    await shell(root, "rm test/calculator.test.js");
    await shell(root, "sed -i 's/- \\[ \\] 1\\./- [x] 1./' .kiro/specs/calculator/tasks.md");
    await writeTree(root, { ".kiro/specs/calculator/runs/run-1.jsonl": "{}\n" });
    const after = await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "after" });

    const changes = await taskChanges({ root, spec: SPEC, taskId: "1" });
    expect(changes.after).toEqual(after);
    expect(changes.files.map((file) => [file.path, file.kind, file.linesAdded, file.linesRemoved])).toEqual([
      ["made-by-shell.txt", "added", 1, 0],
      ["src/calculator.js", "modified", 1, 0],
      ["test/calculator.test.js", "deleted", 0, 7],
    ]);
    expect(changes.totals).toEqual({ files: 3, added: 1, modified: 1, deleted: 1, linesAdded: 2, linesRemoved: 7 });

    const diff = await taskDiff({ root, spec: SPEC, taskId: "1" });
    expect(diff).toContain("+++ b/made-by-shell.txt\n@@ -0,0 +1 @@\n+x\n");
    expect(diff).toContain("+export const one = 1;");
    expect(diff).not.toContain("tasks.md");
    const onlyOne = await taskDiff({ root, spec: SPEC, taskId: "1", paths: ["src/calculator.js"] });
    expect(onlyOne).toContain("src/calculator.js");
    expect(onlyOne).not.toContain("made-by-shell.txt");
  });

  it("compares with the working tree while the task has no after checkpoint", async () => {
    const root = directory();
    await createGitRepository(root);
    await createCheckpoint({ root, spec: SPEC, taskId: "2", stage: "before" });
    await writeTree(root, { "wip.txt": "in progress\n" });
    const changes = await taskChanges({ root, spec: SPEC, taskId: "2" });
    expect(changes.after).toBeUndefined();
    expect(changes.files.map((file) => file.path)).toEqual(["wip.txt"]);
  });

  it("names the tasks that have checkpoints when asked for one that has none", async () => {
    const root = directory();
    await createGitRepository(root);
    const none = await expectEngineError(taskChanges({ root, spec: SPEC, taskId: "1" }), "no-checkpoint");
    expect(none.message).toContain("No task has a checkpoint");
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before" });
    await createCheckpoint({ root, spec: SPEC, taskId: "2.1", stage: "before" });
    const unknown = await expectEngineError(taskChanges({ root, spec: SPEC, taskId: "3" }), "no-checkpoint");
    expect(unknown.message).toContain("1, 2.1");
    expect(unknown.candidates).toEqual(expect.arrayContaining(["1", "2.1"]));
    const otherSpec = await expectEngineError(taskChanges({ root, spec: "calculater", taskId: "1" }), "no-checkpoint");
    expect(otherSpec.candidates).toEqual(["calculator"]);
  });
});

describe("revertTask", () => {
  const directory = useTempDirectory();

  /** A task that modifies, deletes and creates files (one in a new folder), changes a mode and adds a symlink. */
  async function runTask(root: string): Promise<void> {
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before" });
    await shell(root, "echo 'export const two = 2;' >> src/calculator.js");
    await rm(join(root, "test/calculator.test.js"));
    await shell(root, "mkdir -p src/new && echo created > src/new/created.js");
    await chmod(join(root, "package.json"), 0o755);
    await symlink("calculator.js", join(root, "src/alias.js"));
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "after" });
  }

  it("restores exactly what was there: content, deleted and created files, modes, symlinks; other work stays", async () => {
    const root = directory();
    await createGitRepository(root);
    await writeTree(root, { "uncommitted.txt": "the user's work\n", "README.md": "edited by the user\n" });
    const original = await readWorkingTree(root);
    await runTask(root);
    await writeTree(root, { "later.txt": "made after the task\n" });

    const result = await revertTask({ root, spec: SPEC, taskId: "1" });

    expect(await readWorkingTree(root)).toEqual({
      ...original,
      "later.txt": (await readWorkingTree(root))["later.txt"],
    });
    expect(await readFile(join(root, "later.txt"), "utf8")).toBe("made after the task\n");
    expect(result.files).toEqual([
      { path: "package.json", action: "restored" },
      { path: "src/alias.js", action: "deleted" },
      { path: "src/calculator.js", action: "restored" },
      { path: "src/new/created.js", action: "deleted" },
      { path: "test/calculator.test.js", action: "recreated" },
    ]);
    expect(result.alreadyReverted).toBe(false);
    expect(result.backup?.ref).toBe("refs/specwright/checkpoints/calculator/1/before-revert");
    expect(await git(root, "show", `${result.backup?.commit}:src/new/created.js`)).toBe("created\n");
  });

  it("refuses when a file the task changed was edited since, naming it; --force reverts it", async () => {
    const root = directory();
    await createGitRepository(root);
    const original = await readWorkingTree(root);
    await runTask(root);
    await writeTree(root, { "src/calculator.js": "// edited after the task\n" });
    const edited = await readWorkingTree(root);

    const error = await expectEngineError(revertTask({ root, spec: SPEC, taskId: "1" }), "changed-since-task");
    expect(error.message).toContain("src/calculator.js");
    expect(error.fix).toContain("--force");
    expect(error.candidates).toEqual(["src/calculator.js"]);
    expect(await readWorkingTree(root)).toEqual(edited);

    const forced = await revertTask({ root, spec: SPEC, taskId: "1", force: true });
    expect(forced.overwritten).toEqual(["src/calculator.js"]);
    expect(await readWorkingTree(root)).toEqual(original);
    expect(await git(root, "show", `${forced.backup?.commit}:src/calculator.js`)).toBe("// edited after the task\n");
  });

  it("keeps the user's staged change staged, HEAD and branch as they were", async () => {
    const root = directory();
    await createGitRepository(root);
    await writeTree(root, { "staged.txt": "staged by the user\n" });
    await git(root, "add", "staged.txt");
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before" });
    await writeTree(root, { "src/calculator.js": "// the task's version\n" });
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "after" });
    const stateBefore = await repositoryState(root);

    await revertTask({ root, spec: SPEC, taskId: "1" });

    const stateAfter = await repositoryState(root);
    expect(stateAfter.staged).toBe(stateBefore.staged);
    expect(stateAfter.staged).toContain("staged by the user");
    expect(stateAfter.head).toBe(stateBefore.head);
    expect(stateAfter.branch).toBe(stateBefore.branch);
    expect(stateAfter.stashList).toBe(stateBefore.stashList);
    expect(await git(root, "status", "--porcelain")).toBe("A  staged.txt\n");
  });

  it("says so, writing nothing, when the task is already reverted", async () => {
    const root = directory();
    await createGitRepository(root);
    await runTask(root);
    await revertTask({ root, spec: SPEC, taskId: "1" });
    const again = await revertTask({ root, spec: SPEC, taskId: "1" });
    expect(again).toMatchObject({ alreadyReverted: true, files: [], backup: undefined });
  });

  it("refuses a task whose run has not finished unless forced", async () => {
    const root = directory();
    await createGitRepository(root);
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before" });
    await writeTree(root, { "half.txt": "half done\n" });
    await expectEngineError(revertTask({ root, spec: SPEC, taskId: "1" }), "task-not-finished");
    const forced = await revertTask({ root, spec: SPEC, taskId: "1", force: true });
    expect(forced.files).toEqual([{ path: "half.txt", action: "deleted" }]);
    expect(await readWorkingTree(root)).not.toHaveProperty("half.txt");
  });

  it("works in a repository with no commit yet", async () => {
    const root = directory();
    await createGitRepository(root, { commit: false });
    const original = await readWorkingTree(root);
    await runTask(root);
    await revertTask({ root, spec: SPEC, taskId: "1" });
    expect(await readWorkingTree(root)).toEqual(original);
  });

  it("handles file names with spaces, tabs, unicode and glob characters exactly", async () => {
    const root = directory();
    const names = ["name with space.txt", "tab\tname.txt", "ünïcødé.txt", "[a]*.txt", "-dash.txt"];
    await createGitRepository(root, { files: { "keep.txt": "keep\n", [names[0] ?? ""]: "old\n" } });
    const original = await readWorkingTree(root);
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before" });
    for (const name of names) await writeFile(join(root, name), `new ${name}\n`);
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "after" });

    const changes = await taskChanges({ root, spec: SPEC, taskId: "1" });
    expect(changes.files.map((file) => file.path).sort()).toEqual([...names].sort());
    await revertTask({ root, spec: SPEC, taskId: "1" });
    expect(await readWorkingTree(root)).toEqual(original);
  });

  it("does not revert the runner's status marks in tasks.md", async () => {
    const root = directory();
    await createGitRepository(root);
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "before" });
    await writeTree(root, { "src/calculator.js": "// task\n" });
    const tasksFile = join(root, ".kiro/specs/calculator/tasks.md");
    const marked = (await readFile(tasksFile, "utf8")).replace("- [ ] 1.", "- [x] 1.");
    await writeFile(tasksFile, marked);
    await createCheckpoint({ root, spec: SPEC, taskId: "1", stage: "after" });
    await revertTask({ root, spec: SPEC, taskId: "1" });
    expect(await readFile(tasksFile, "utf8")).toBe(marked);
  });
});
