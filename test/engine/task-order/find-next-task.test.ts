import { describe, expect, it } from "vitest";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { findNextTask } from "../../../src/engine/task-order/find-next-task.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const directory = useTempDirectory();

describe("findNextTask", () => {
  it("reads tasks.md as it is on disk and names the spec and file", async () => {
    await writeTree(directory(), {
      ".kiro/specs/limits/tasks.md": "- [x] 1. A\n- [ ]* 2. Extra\n- [ ] 3. B\n",
      "src/": "",
    });
    const next = await findNextTask({ cwd: `${directory()}/src`, spec: "limits" });
    expect(next).toMatchObject({ kind: "task", spec: "limits", root: directory(), task: { id: "3" } });
    expect(next.file).toBe(`${directory()}/.kiro/specs/limits/tasks.md`);
    expect(await findNextTask({ root: directory(), spec: "limits", includeOptional: true })).toMatchObject({
      task: { id: "2" },
    });
  });

  it("refuses a spec without tasks.md with the command that writes one", async () => {
    await writeTree(directory(), { ".kiro/specs/limits/requirements.md": "# R\n" });
    const error = await findNextTask({ root: directory(), spec: "limits" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: "no-tasks", fix: expect.stringContaining("specwright plan limits") });
  });
});
