import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandHookFile } from "../helpers/hook-files.js";
import { structuredOf, textOf, useInMemoryConnections } from "../helpers/mcp-client.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-task-hooks-");
const mcp = useInMemoryConnections();

describe("task hooks in the MCP start_task / complete_task path", () => {
  it("a pre-task hook exiting 2 refuses start_task with its reason and leaves the task as it was", async () => {
    await writeTree(temp(), {
      ...SAMPLE_WORKSPACE,
      ".kiro/hooks/gate.json": commandHookFile({
        name: "gate",
        trigger: "PreTaskExec",
        command: 'echo "the migration guide comes first" >&2; exit 2',
      }),
    });
    const { call } = await mcp.connect(temp());
    const result = await call("start_task", { spec: "rate-limiting", taskId: "2.1" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("the migration guide comes first");
    expect(await readFile(join(temp(), ".kiro/specs/rate-limiting/tasks.md"), "utf8")).toContain("- [ ] 2.1");
  });

  it("a post-task hook runs after complete_task's verification with the outcome", async () => {
    await writeTree(temp(), {
      ...SAMPLE_WORKSPACE,
      ".kiro/settings/specwright.json": JSON.stringify({ verify: { command: "node -e \"console.log('ok')\"" } }),
      ".kiro/hooks/after.json": commandHookFile({
        name: "after",
        trigger: "PostTaskExec",
        command: "cat > post-task.json",
      }),
    });
    const { call } = await mcp.connect(temp());
    const done = structuredOf(await call("complete_task", { spec: "rate-limiting", taskId: "2.1" }));
    expect(done).toMatchObject({ passed: true, hooks: [{ hook: "after", verdict: "ok", exitCode: 0 }] });
    const payload = JSON.parse(await readFile(join(temp(), "post-task.json"), "utf8")) as Record<string, unknown>;
    expect(payload).toMatchObject({
      event: "post-task",
      taskId: "2.1",
      outcome: { status: "done", verification: { passed: true } },
    });
  });
});
