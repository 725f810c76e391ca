import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTaskContext } from "../../../src/engine/context/build-task-context.js";
import { loadSteeringContext } from "../../../src/engine/context/load-steering-context.js";
import { steeringForPath } from "../../../src/engine/context/steering-for-path.js";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const directory = useTempDirectory();

const STEERING = {
  ".kiro/steering/product.md":
    "# Product\n\nLimits.\n\n#[[file:docs/api.md]]\n\n#[[file:docs/missing.md]]\n\n#[[file:../outside.md]]\n",
  ".kiro/steering/ts.md": '---\ninclusion: fileMatch\nfileMatchPattern: "src/**/*.ts"\n---\n\nStrict.\n',
  ".kiro/steering/review.md": "---\ninclusion: manual\n---\n\nReview checklist.\n",
  ".kiro/steering/binary.md": new Uint8Array([0, 1, 2]),
  "docs/api.md": "GET /limits\n",
};

describe("loadSteeringContext", () => {
  it("reads steering and its #[[file:…]] targets; missing, outside and unreadable files are problems, not failures", async () => {
    await writeTree(directory(), STEERING);
    const selection = await loadSteeringContext({ root: directory(), prompt: "#review" });
    expect(selection.included.map((entry) => entry.path)).toEqual([
      ".kiro/steering/product.md",
      ".kiro/steering/review.md",
    ]);
    const product = selection.included[0]?.text ?? "";
    expect(product).toContain('<file path="docs/api.md">\nGET /limits\n</file>');
    expect(selection.problems.map((problem) => [problem.path, problem.message.split(":")[0]])).toEqual([
      [".kiro/steering/binary.md", expect.stringContaining("binary")],
      [".kiro/steering/product.md", "#[[file"],
      [".kiro/steering/product.md", "#[[file"],
    ]);
    expect(selection.problems[1]?.message).toContain("there is no file docs/missing.md");
    expect(selection.problems[2]?.message).toContain("outside");
  });

  it("does not follow a symlink out of the workspace, nor read secret files", async () => {
    await writeTree(directory(), {
      "repo/.kiro/steering/a.md": "#[[file:docs/linked.md]]\n\n#[[file:.env]]\n",
      "repo/docs/": "",
      "repo/.env": "TOKEN=1\n",
      "elsewhere.md": "private notes\n",
    });
    await symlink(join(directory(), "elsewhere.md"), join(directory(), "repo/docs/linked.md"));
    const selection = await loadSteeringContext({ root: join(directory(), "repo") });
    expect(selection.included[0]?.text).not.toContain("private notes");
    expect(selection.included[0]?.text).not.toContain("TOKEN");
    expect(selection.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining("leads outside the workspace"),
      expect.stringContaining("secrets"),
    ]);
  });
});

describe("steeringForPath", () => {
  it("gives always files and the fileMatch files that match the path, never manual ones", async () => {
    await writeTree(directory(), STEERING);
    const forSource = await steeringForPath({ root: directory(), path: "src/limiter/store.ts" });
    expect(forSource.included.map((entry) => [entry.path, entry.reason])).toEqual([
      [".kiro/steering/product.md", "always"],
      [".kiro/steering/ts.md", "fileMatch: src/**/*.ts matched src/limiter/store.ts"],
    ]);
    const absolute = await steeringForPath({ root: directory(), path: join(directory(), "README.md") });
    expect(absolute.included.map((entry) => entry.path)).toEqual([".kiro/steering/product.md"]);
  });
});

describe("buildTaskContext", () => {
  it("reads the spec from disk and names the closest tasks for an unknown id", async () => {
    await writeTree(directory(), {
      ...STEERING,
      ".kiro/specs/limits/requirements.md":
        "# R\n\n## Requirements\n\n### Requirement 1: Count\n\n#### Acceptance Criteria\n\n1. THE Limiter SHALL count\n",
      ".kiro/specs/limits/tasks.md": "- [ ] 1. Store in src/store.ts\n  - _Requirements: 1.1_\n",
    });
    const context = await buildTaskContext({ root: directory(), spec: "limits", taskId: "1" });
    expect(context.criteria.map((criterion) => criterion.id)).toEqual(["1.1"]);
    expect(context.steering.included.map((entry) => entry.path)).toEqual([
      ".kiro/steering/product.md",
      ".kiro/steering/ts.md",
    ]);
    const error = await buildTaskContext({ root: directory(), spec: "limits", taskId: "2" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: "unknown-task", candidates: ["1"] });
  });

  it("refuses a spec without tasks.md", async () => {
    await writeTree(directory(), { ".kiro/specs/limits/requirements.md": "# R\n" });
    await expect(buildTaskContext({ root: directory(), spec: "limits", taskId: "1" })).rejects.toMatchObject({
      code: "no-tasks",
    });
  });
});
