import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listKiroRoots } from "../../src/workspace/list-kiro-roots.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";
import { expectWorkspaceError } from "./expect-workspace-error.js";

const temp = useTempDirectory();

describe("listKiroRoots", () => {
  it("lists every workspace of a nested monorepo, sorted, skipping dependencies, build output and hidden folders", async () => {
    await writeTree(temp(), {
      ".kiro/specs/": "",
      "packages/web/.kiro/steering/": "",
      "packages/api/.kiro/": "",
      "packages/api/plugins/billing/.kiro/": "",
      "packages/docs/README.md": "no workspace here",
      "apps/mobile/ios/.kiro/": "",
      "node_modules/some-lib/.kiro/": "",
      "packages/web/node_modules/dep/.kiro/": "",
      ".git/modules/x/.kiro/": "",
      ".cache/y/.kiro/": "",
      "dist/.kiro/": "",
      "build/z/.kiro/": "",
      "coverage/.kiro/": "",
      "tools/.kiro": "a file, not a folder",
    });

    const roots = await listKiroRoots(temp());

    expect(roots).toEqual([
      temp(),
      join(temp(), "apps", "mobile", "ios"),
      join(temp(), "packages", "api"),
      join(temp(), "packages", "api", "plugins", "billing"),
      join(temp(), "packages", "web"),
    ]);
  });

  it("stops at the depth limit", async () => {
    await writeTree(temp(), { "a/.kiro/": "", "a/b/c/.kiro/": "" });

    expect(await listKiroRoots(temp(), { maxDepth: 2 })).toEqual([join(temp(), "a")]);
    expect(await listKiroRoots(temp(), { maxDepth: 3 })).toEqual([join(temp(), "a"), join(temp(), "a", "b", "c")]);
  });

  it("returns nothing for a tree without workspaces", async () => {
    await writeTree(temp(), { "src/index.ts": "", "docs/": "" });

    expect(await listKiroRoots(temp())).toEqual([]);
  });

  it("reports a missing start folder as not-found", async () => {
    await expectWorkspaceError(listKiroRoots(join(temp(), "missing")), "not-found");
  });
});
