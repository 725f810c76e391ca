import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findKiroRoot, locateKiroRoot } from "../../src/workspace/find-kiro-root.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";
import { expectWorkspaceError } from "./expect-workspace-error.js";

const temp = useTempDirectory();

// Every test bounds the upward walk at its temp folder, playing the home folder, so a `.kiro/` that
// happens to exist above the OS temp folder on this machine cannot change the outcome.
describe("findKiroRoot", () => {
  it("finds the nearest folder with .kiro/ walking up from the start folder", async () => {
    const project = join(temp(), "project");
    await writeTree(project, { ".kiro/specs/": "", "src/deep/er/": "" });

    const root = await findKiroRoot(join(project, "src", "deep", "er"), { homeDirectory: temp() });

    expect(root).toBe(project);
  });

  it("finds the start folder itself", async () => {
    const project = join(temp(), "project");
    await writeTree(project, { ".kiro/": "" });

    expect(await findKiroRoot(project, { homeDirectory: temp() })).toBe(project);
  });

  it("prefers the nearest of nested workspaces", async () => {
    const outer = join(temp(), "monorepo");
    const inner = join(outer, "packages", "api");
    await writeTree(outer, { ".kiro/": "", "packages/api/.kiro/": "", "packages/api/src/": "" });

    expect(await findKiroRoot(join(inner, "src"), { homeDirectory: temp() })).toBe(inner);
  });

  it("ignores a file named .kiro", async () => {
    const project = join(temp(), "project");
    await writeTree(project, { ".kiro/": "", "sub/.kiro": "not a folder", "sub/src/": "" });

    expect(await findKiroRoot(join(project, "sub", "src"), { homeDirectory: temp() })).toBe(project);
  });

  it("fails with no-kiro-root and a fix when no folder above has .kiro/", async () => {
    const start = join(temp(), "a", "b");
    await writeTree(temp(), { "a/b/": "" });

    const error = await expectWorkspaceError(findKiroRoot(start, { homeDirectory: temp() }), "no-kiro-root");

    expect(error.path).toBe(start);
    expect(error.fix).toContain("mkdir");
  });

  it("does not take the home folder's .kiro/ (user settings) for a workspace", async () => {
    const home = join(temp(), "home");
    await writeTree(home, { ".kiro/steering/": "", "code/app/": "" });

    expect(await locateKiroRoot(join(home, "code", "app"), { homeDirectory: home })).toBeUndefined();
    expect(await locateKiroRoot(home, { homeDirectory: home })).toBeUndefined();
  });

  it("uses an explicit root over the one found by walking up", async () => {
    const here = join(temp(), "here");
    const there = join(temp(), "there");
    await writeTree(temp(), { "here/.kiro/": "", "there/.kiro/": "" });

    expect(await findKiroRoot(here, { root: there, homeDirectory: temp() })).toBe(there);
    expect(await findKiroRoot(here, { root: "../there", homeDirectory: temp() })).toBe(there);
  });

  it("rejects an explicit root without .kiro/ even when walking up would find one", async () => {
    const project = join(temp(), "project");
    await writeTree(project, { ".kiro/": "", "packages/web/": "" });
    const override = join(project, "packages", "web");

    const error = await expectWorkspaceError(
      findKiroRoot(project, { root: override, homeDirectory: temp() }),
      "no-kiro-root",
    );

    expect(error.path).toBe(override);
    expect(error.fix).toContain(join(override, ".kiro"));
  });
});
