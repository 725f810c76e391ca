import { describe, expect, it } from "vitest";
import { parseStoredCommits } from "../../../src/workspace/git/checkpoint-commits.js";
import { parseTreeListing } from "../../../src/workspace/git/list-tree.js";
import { parseRawAndNumstat } from "../../../src/workspace/git/parse-diff-output.js";
import { isRepositoryPath } from "../../../src/workspace/git/repository-path.js";

const ZERO = "0".repeat(40);
const ONE = "1".repeat(40);

describe("parseRawAndNumstat", () => {
  it("reads added, modified, deleted and type-changed paths with their modes", () => {
    const output = [
      `:000000 100644 ${ZERO} ${ONE} A`,
      "new file.txt",
      `:100644 100755 ${ONE} ${ONE} M`,
      "tool.sh",
      `:100644 000000 ${ONE} ${ZERO} D`,
      "gone\ttab.txt",
      `:100644 120000 ${ONE} ${ONE} T`,
      "link",
      "",
    ].join("\u0000");
    expect(parseRawAndNumstat(output).changes).toEqual([
      { path: "new file.txt", kind: "added", modeBefore: "000000", modeAfter: "100644" },
      { path: "tool.sh", kind: "modified", modeBefore: "100644", modeAfter: "100755" },
      { path: "gone\ttab.txt", kind: "deleted", modeBefore: "100644", modeAfter: "000000" },
      { path: "link", kind: "modified", modeBefore: "100644", modeAfter: "120000" },
    ]);
  });

  it("counts lines per path and marks binary files", () => {
    const { changes, counts } = parseRawAndNumstat(
      ["3\t1\tsrc/a.ts", "-\t-\timage.png", "0\t12\tpath with\nnewline", ""].join("\u0000"),
    );
    expect(changes).toEqual([]);
    expect(counts.get("src/a.ts")).toEqual({ linesAdded: 3, linesRemoved: 1 });
    expect(counts.has("image.png")).toBe(true);
    expect(counts.get("image.png")).toBeUndefined();
    expect(counts.get("path with\nnewline")).toEqual({ linesAdded: 0, linesRemoved: 12 });
  });

  it("splits one combined output into the raw records and the line counts", () => {
    const header = `:100644 100644 ${ONE} ${ONE} M`;
    const output = [
      `:000000 100644 ${ZERO} ${ONE} A`,
      // A path that looks like a raw header is still a path: pairs are read by position.
      header,
      header,
      "tab\there.txt",
      `1\t0\t${header}`,
      "2\t1\ttab\there.txt",
      "",
    ].join("\u0000");
    const { changes, counts } = parseRawAndNumstat(output);
    expect(changes).toEqual([
      { path: header, kind: "added", modeBefore: "000000", modeAfter: "100644" },
      { path: "tab\there.txt", kind: "modified", modeBefore: "100644", modeAfter: "100644" },
    ]);
    expect(counts.get(header)).toEqual({ linesAdded: 1, linesRemoved: 0 });
    expect(counts.get("tab\there.txt")).toEqual({ linesAdded: 2, linesRemoved: 1 });
  });

  it("returns nothing for empty or foreign output", () => {
    expect(parseRawAndNumstat("")).toEqual({ changes: [], counts: new Map() });
    expect(parseRawAndNumstat("fatal: bad revision\u0000x\u0000")).toEqual({ changes: [], counts: new Map() });
  });
});

describe("parseTreeListing", () => {
  it("keys files by path with mode, type and object", () => {
    const output = [`100755 blob ${ONE}\tbin/run`, `160000 commit ${ONE}\tvendor/lib`, ""].join("\u0000");
    const entries = parseTreeListing(output);
    expect(entries.get("bin/run")).toEqual({ mode: "100755", type: "blob", object: ONE, path: "bin/run" });
    expect(entries.get("vendor/lib")?.type).toBe("commit");
  });
});

describe("parseStoredCommits", () => {
  it("reads ref, commit, tree and date, skipping refs that point at no commit", () => {
    const output = [
      ["refs/specwright/checkpoints/s/1/before", ONE, ZERO, "2026-11-22T01:02:03+01:00"].join("\u0000"),
      ["refs/specwright/blob", ONE, "", ""].join("\u0000"),
      "",
    ].join("\n");
    expect(parseStoredCommits(output)).toEqual([
      { ref: "refs/specwright/checkpoints/s/1/before", commit: ONE, tree: ZERO, createdAt: "2026-11-22T00:02:03.000Z" },
    ]);
  });
});

describe("isRepositoryPath", () => {
  it.each(["a.txt", "src/deep/file.ts", ".gitignore", ".github/workflows/ci.yml", "dir/.git-keep"])(
    "accepts %s",
    (path) => expect(isRepositoryPath(path)).toBe(true),
  );
  it.each(["", "/etc/passwd", "../x", "a/../b", "./a", "a//b", ".git/config", ".GIT/hooks/x", "a\\b", "a/"])(
    "refuses %j",
    (path) => expect(isRepositoryPath(path)).toBe(false),
  );
});
