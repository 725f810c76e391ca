import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findWorkspaceLeftovers } from "../../../src/engine/workspace-model/workspace-leftovers.js";
import { listWorkspace } from "../../../src/engine/workspace-model/workspace-listing.js";
import { listLeftovers } from "../../../src/workspace/leftovers.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const temp = useTempDirectory();

/** Above Linux's largest pid (2^22) and macOS's: no process has it. */
const DEAD = 99_999_999;

describe("findWorkspaceLeftovers", () => {
  it("finds dead processes' temporaries and abandoned locks in spec folders and the folders Specwright writes in", async () => {
    await writeTree(temp(), {
      ".kiro/steering/product.md": "# Product\n",
      [`.kiro/steering/.product.md.tmp.${DEAD}.ab12`]: "",
      ".kiro/specs/login/tasks.md": "- [ ] 1. Do it\n",
      [`.kiro/specs/login/.tasks.md.tmp.${DEAD}.cd34`]: "",
      // A temporary of a running process (this one) is work in progress, not a leftover.
      [`.kiro/specs/login/.design.md.tmp.${process.pid}.ef56`]: "",
      ".kiro/specs/search/requirements.md": "# Requirements\n",
      ".kiro/specs/search/tasks.md.lock/": "",
      ".kiro/specs/search/notes.md": "",
      ".kiro/specs/clean/tasks.md": "",
    });

    const leftovers = findWorkspaceLeftovers(await listWorkspace(temp()));

    expect(leftovers).toEqual([
      `.kiro/steering/.product.md.tmp.${DEAD}.ab12`,
      `.kiro/specs/login/.tasks.md.tmp.${DEAD}.cd34`,
      ".kiro/specs/search/tasks.md.lock",
    ]);
  });

  it("finds in each spec folder what listing it again would find", async () => {
    await writeTree(temp(), {
      [`.kiro/specs/a/.tasks.md.tmp.${DEAD}.01`]: "",
      [`.kiro/specs/a/.design.md.new.${DEAD}.02`]: "",
      ".kiro/specs/a/requirements.md.lock/": "",
      [`.kiro/specs/b/.tasks.md.stale.${DEAD}.03`]: "",
      ".kiro/specs/c/tasks.md": "",
    });
    const listing = await listWorkspace(temp());

    const fromListing = findWorkspaceLeftovers(listing).filter((path) => path.startsWith(".kiro/specs/"));
    const listedAgain = listing.folders.flatMap((folder) =>
      listLeftovers(folder.path).map((name) => `.kiro/specs/${folder.name}/${name}`),
    );

    expect(fromListing).toEqual(listedAgain);
    expect(fromListing).toHaveLength(4);
  });

  it("leaves out a leftover removed after the listing, whose lock folder is then gone", async () => {
    await writeTree(temp(), { ".kiro/specs/a/tasks.md.lock/": "", ".kiro/specs/a/tasks.md": "" });
    const listing = await listWorkspace(temp());

    await rm(join(temp(), ".kiro", "specs", "a", "tasks.md.lock"), { recursive: true });

    expect(findWorkspaceLeftovers(listing)).toEqual([]);
  });
});
