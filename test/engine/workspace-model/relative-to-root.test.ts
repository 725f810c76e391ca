import { relative, sep } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relativeToRoot } from "../../../src/engine/workspace-model/read-workspace-files.js";

const segment = fc.constantFrom("a", "b", ".kiro", "specs", "..", ".", "", "tasks.md", "x y", "ü");
const path = fc.array(segment, { maxLength: 6 }).map((segments) => segments.join("/"));

describe("relativeToRoot", () => {
  it("gives what path.relative gives, with / separators, for any root and path", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("/work/repository", "/work/repository/", "/", "/work/./repository", "relative/root"),
        path,
        (root, rest) => {
          const full = rest.startsWith("/") ? rest : `${root}/${rest}`;
          expect(relativeToRoot(root, full)).toBe(relative(root, full).split(sep).join("/"));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("names a listed file by its path under the root", () => {
    expect(relativeToRoot("/work/repository", "/work/repository/.kiro/specs/limiter/tasks.md")).toBe(
      ".kiro/specs/limiter/tasks.md",
    );
    expect(relativeToRoot("/work/repository", "/work/repository-other/x.md")).toBe("../repository-other/x.md");
  });
});
