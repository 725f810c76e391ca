import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTextFile } from "../../src/workspace/read-text-file.js";
import { listSpecFolders, specDocumentPath } from "../../src/workspace/spec-folders.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";
import { expectWorkspaceError } from "./expect-workspace-error.js";

const temp = useTempDirectory();

describe("listSpecFolders", () => {
  it("lists spec folders sorted by name with the known documents and other files they hold", async () => {
    await writeTree(temp(), {
      ".kiro/specs/zeta-search/tasks.md": "",
      ".kiro/specs/zeta-search/requirements.md": "",
      ".kiro/specs/zeta-search/.config.kiro": "{}",
      ".kiro/specs/zeta-search/tasks.meta.json": "{}",
      ".kiro/specs/zeta-search/notes.txt": "",
      ".kiro/specs/zeta-search/spec.json": "{}",
      ".kiro/specs/zeta-search/tasks.md.lock": "{}",
      ".kiro/specs/zeta-search/.tasks.md.tmp.123.abcdef012345": "",
      ".kiro/specs/alpha-login/bugfix.md": "",
      ".kiro/specs/alpha-login/design.md/": "",
      ".kiro/specs/Beta/": "",
      ".kiro/specs/README.md": "not a spec",
    });
    const specs = join(temp(), ".kiro", "specs");

    const folders = await listSpecFolders(temp());

    expect(folders).toEqual([
      { name: "Beta", path: join(specs, "Beta"), documents: [], otherFiles: [] },
      { name: "alpha-login", path: join(specs, "alpha-login"), documents: ["bugfix.md"], otherFiles: [] },
      {
        name: "zeta-search",
        path: join(specs, "zeta-search"),
        documents: ["requirements.md", "tasks.md", ".config.kiro", "tasks.meta.json"],
        otherFiles: ["notes.txt", "spec.json"],
        // What check looks at for leftovers, without listing the folder again.
        bookkeeping: [".tasks.md.tmp.123.abcdef012345", "tasks.md.lock"],
      },
    ]);
  });

  it("returns no folders when there is no specs folder", async () => {
    await writeTree(temp(), { ".kiro/steering/": "" });

    expect(await listSpecFolders(temp())).toEqual([]);
  });

  it("gives not-found, not a crash, for a document deleted between listing and reading", async () => {
    await writeTree(temp(), { ".kiro/specs/login/tasks.md": "- [ ] 1. Do it\n" });
    const [folder] = await listSpecFolders(temp());
    if (folder === undefined) throw new Error("expected one spec folder");
    const tasks = specDocumentPath(folder, "tasks.md");
    await expect(readTextFile(tasks)).resolves.toBe("- [ ] 1. Do it\n");

    await rm(folder.path, { recursive: true });

    const error = await expectWorkspaceError(readTextFile(tasks), "not-found");
    expect(error.path).toBe(tasks);
  });
});
