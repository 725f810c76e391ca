import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCheckpoint } from "../../../src/engine/checkpoints/create-checkpoint.js";
import { revertTask } from "../../../src/engine/checkpoints/revert-task.js";
import { taskDiff } from "../../../src/engine/checkpoints/task-changes.js";
import { gitEnvironment } from "../../../src/workspace/git/git-environment.js";
import { configEnvironment, driverOverrides } from "../../../src/workspace/git/hardened-git-options.js";
import { leakedFiles, plantGitPayloads } from "../../helpers/git-payloads.js";
import { createGitRepository, git } from "../../helpers/git-repository.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

describe("gitEnvironment", () => {
  it("keeps PATH and drops API keys and every GIT_* override it did not set itself", () => {
    const environment = gitEnvironment(
      {
        PATH: "/usr/bin",
        OPENAI_API_KEY: "sk-secret",
        GIT_DIR: "/elsewhere",
        GIT_EXTERNAL_DIFF: "evil",
        GIT_CONFIG_COUNT: "1",
        GIT_SSH_COMMAND: "evil",
        HOME: "/home/user",
      },
      { GIT_INDEX_FILE: "/repo/.git/private" },
    );
    expect(environment.PATH).toBe("/usr/bin");
    expect(Object.values(environment)).not.toContain("sk-secret");
    expect(
      Object.keys(environment)
        .filter((name) => name.startsWith("GIT_"))
        .sort(),
    ).toEqual([
      "GIT_ATTR_NOSYSTEM",
      "GIT_CONFIG_GLOBAL",
      "GIT_CONFIG_NOSYSTEM",
      "GIT_INDEX_FILE",
      "GIT_LITERAL_PATHSPECS",
      "GIT_NO_REPLACE_OBJECTS",
      "GIT_OPTIONAL_LOCKS",
      "GIT_PAGER",
      "GIT_TERMINAL_PROMPT",
    ]);
    expect(environment.HOME).toBeUndefined();
  });
});

describe("driverOverrides", () => {
  it("empties each filter and diff driver the configuration names, once per name, through separate keys", () => {
    const entries = driverOverrides([
      "filter.x.clean",
      "filter.x.smudge",
      "filter.a=b.clean",
      "diff.y.textconv",
      "core.x",
    ]);
    expect(entries).toContainEqual(["filter.x.clean", ""]);
    expect(entries).toContainEqual(["filter.x.process", ""]);
    expect(entries).toContainEqual(["filter.x.required", "false"]);
    expect(entries).toContainEqual(["filter.a=b.clean", ""]);
    expect(entries).toContainEqual(["diff.y.textconv", ""]);
    expect(entries.filter(([key]) => key === "filter.x.clean")).toHaveLength(1);
    expect(configEnvironment(entries.slice(0, 1))).toEqual({
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: "filter.x.clean",
      GIT_CONFIG_VALUE_0: "",
    });
  });
});

describe("Specwright's own git in a repository an agent planted payloads in", () => {
  const directory = useTempDirectory("specwright-hardened-git-");
  const controlDirectory = useTempDirectory("specwright-hardened-git-control-");
  const saved = process.env.OPENAI_API_KEY;
  beforeEach(() => {
    process.env.OPENAI_API_KEY = "sk-test-must-not-leak";
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.OPENAI_API_KEY;
    else process.env.OPENAI_API_KEY = saved;
  });

  it("checkpoints, diffs and reverts a task without running a filter, textconv, fsmonitor, external diff or hook", async () => {
    const root = directory();
    await createGitRepository(root);
    await plantGitPayloads(root);
    // The payloads work: plain git runs the clean filter (a control, so the test cannot pass vacuously).
    const control = controlDirectory();
    await createGitRepository(control);
    await plantGitPayloads(control);
    await git(control, "add", "--all");
    expect((await leakedFiles(control)).length).toBeGreaterThan(0);
    expect(await readFile(join(control, (await leakedFiles(control))[0] ?? ""), "utf8")).toContain(
      "sk-test-must-not-leak",
    );

    await createCheckpoint({ root, spec: "calculator", taskId: "1", stage: "before" });
    await writeFile(join(root, "src/calculator.js"), "export const changed = true;\n");
    await writeFile(join(root, "README.md"), "# new\n");
    await createCheckpoint({ root, spec: "calculator", taskId: "1", stage: "after" });
    const diff = await taskDiff({ root, spec: "calculator", taskId: "1" });
    expect(diff).toContain("export const changed = true;");
    const reverted = await revertTask({ root, spec: "calculator", taskId: "1" });
    expect(reverted.files.map((file) => file.path)).toContain("src/calculator.js");
    expect(await readFile(join(root, "src/calculator.js"), "utf8")).toContain("return left + right");
    expect(await leakedFiles(root)).toEqual([]);
  });
});
