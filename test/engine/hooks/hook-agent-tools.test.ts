import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dispatchHooks } from "../../../src/engine/hooks/dispatch-hooks.js";
import { loadHookContext } from "../../../src/engine/hooks/load-hook-context.js";
import { createModelSession } from "../../../src/engine/llm/create-model-session.js";
import { scriptedSession } from "../../helpers/authoring-session.js";
import { commandHookFile } from "../../helpers/hook-files.js";
import { createMockModel, type MockReply } from "../../helpers/mock-model.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-hook-agent-");

function agentHookFile(name: string, trigger: string, prompt: string, matcher?: string): string {
  const hook = { name, trigger, ...(matcher ? { matcher } : {}), action: { type: "agent", prompt } };
  return `${JSON.stringify({ version: "v1", hooks: [hook] }, null, 2)}\n`;
}

async function contextWith(files: Record<string, string>, replies: readonly MockReply[]) {
  await writeTree(directory(), { ".kiro/steering/.keep": "", ...files });
  const { session, mock } = await scriptedSession(replies);
  const context = await loadHookContext(directory(), { session, record: false });
  return { context, mock };
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe("agent hooks get the agent's tools", () => {
  it("a post-save hook's agent writes a file inside the workspace, and not outside it", async () => {
    const { context, mock } = await contextWith(
      {
        ".kiro/hooks/notes.json": agentHookFile("changelog", "PostFileSave", "Note the change in docs/CHANGES.md."),
        "src/app.ts": "export const answer = 42;\n",
      },
      [
        {
          toolCalls: [
            { name: "write_file", input: { path: "docs/CHANGES.md", content: "- src/app.ts changed\n" } },
            { name: "write_file", input: { path: "../escaped.md", content: "out\n" } },
          ],
        },
        "Noted the change.",
      ],
    );
    const dispatch = await dispatchHooks(context, { event: "file-saved", file: "src/app.ts" });
    expect(dispatch.results).toHaveLength(1);
    expect(dispatch.results[0]).toMatchObject({
      action: "agent",
      verdict: { kind: "ok" },
      output: "Noted the change.",
    });
    expect(await readFile(join(directory(), "docs/CHANGES.md"), "utf8")).toBe("- src/app.ts changed\n");
    expect(await exists(join(directory(), "..", "escaped.md"))).toBe(false);
    // The second turn carries both tool results: the write outside the root came back as an error.
    const toolResults = JSON.stringify(mock.calls[1]?.prompt);
    expect(toolResults).toContain("docs/CHANGES.md");
    expect(toolResults).toMatch(/"error\\?":\s*\\?"[^"\\]*\.\.\/escaped\.md/);
    expect(mock.calls[0]?.tools?.map((tool) => tool.name).sort()).toEqual([
      "delete_file",
      "edit_file",
      "list_files",
      "read_file",
      "run_command",
      "search",
      "write_file",
    ]);
  });

  it("a hook's agent that reads .env is refused as the task agent is", async () => {
    const { context, mock } = await contextWith(
      {
        ".kiro/hooks/peek.json": agentHookFile("peek", "PostFileSave", "Check the configuration."),
        ".env": "API_KEY=sk-very-secret\n",
        "src/app.ts": "export {};\n",
      },
      [
        { toolCalls: [{ name: "read_file", input: { path: ".env" } }] },
        { toolCalls: [{ name: "run_command", input: { command: "cat .env" } }] },
        "Could not read it.",
      ],
    );
    const dispatch = await dispatchHooks(context, { event: "file-saved", file: "src/app.ts" });
    expect(dispatch.results[0]?.output).toBe("Could not read it.");
    const secondTurn = JSON.stringify(mock.calls[1]?.prompt);
    expect(secondTurn).toContain("looks like a file holding secrets");
    // The command policy refuses the shell route to the same file, as for the task agent.
    const thirdTurn = JSON.stringify(mock.calls[2]?.prompt);
    expect(thirdTurn).toMatch(/The command (was refused by the policy|needs a person's approval)[^"]*secret/);
    expect(thirdTurn).not.toContain("sk-very-secret");
  });

  it("BLOCK: from a pre-tool-use hook's agent blocks, and its own tool calls fire no tool hooks", async () => {
    const { context, mock } = await contextWith(
      {
        ".kiro/hooks/guard.json": agentHookFile("guard", "PreToolUse", "No writes to src/legacy.", "write_file"),
        ".kiro/hooks/audit.json": commandHookFile({
          name: "audit",
          trigger: "PreToolUse",
          matcher: "read_file",
          command: "echo audited >> audit.log",
        }),
        "src/legacy/old.ts": "export {};\n",
      },
      [{ toolCalls: [{ name: "read_file", input: { path: "src/legacy/old.ts" } }] }, "BLOCK: src/legacy is frozen"],
    );
    const dispatch = await dispatchHooks(context, {
      event: "pre-tool-use",
      toolName: "write_file",
      toolArgs: { path: "src/legacy/old.ts", content: "x" },
    });
    expect(dispatch.blocked).toEqual({ hook: "guard", reason: "src/legacy is frozen" });
    expect(mock.remaining()).toBe(0);
    // The agent's read_file would match the audit hook if hooks recursed.
    expect(await exists(join(directory(), "audit.log"))).toBe(false);
  });

  it("the agent sees the steering that applies to the event's file, and only that", async () => {
    const { context, mock } = await contextWith(
      {
        ".kiro/hooks/review.json": agentHookFile("review", "PostFileSave", "Review the saved file."),
        ".kiro/steering/typescript.md":
          '---\ninclusion: fileMatch\nfileMatchPattern: "src/**/*.ts"\n---\n\nUse named exports only.\n',
        ".kiro/steering/python.md": '---\ninclusion: fileMatch\nfileMatchPattern: "**/*.py"\n---\n\nUse black.\n',
        "src/app.ts": "export {};\n",
      },
      [{ text: "Looks fine.", usage: { inputTokens: 321, outputTokens: 12 } }],
    );
    const dispatch = await dispatchHooks(context, { event: "file-saved", file: "src/app.ts" });
    const prompt = mock.prompts()[0]?.lastUser ?? "";
    expect(prompt).toContain("Review the saved file.");
    expect(prompt).toContain("Use named exports only.");
    expect(prompt).not.toContain("Use black.");
    expect(dispatch.results[0]?.tokens).toEqual({ input: 321, output: 12 });
    expect(context.session?.totals()).toMatchObject({ inputTokens: 321, outputTokens: 12 });
  });

  it("the run's token budget stops a hook's agent after the step that passed it", async () => {
    await writeTree(directory(), {
      ".kiro/hooks/loop.json": agentHookFile("loop", "PostFileSave", "List everything."),
      "src/app.ts": "export {};\n",
    });
    const listing = { toolCalls: [{ name: "list_files", input: {} }], usage: { inputTokens: 300, outputTokens: 10 } };
    const mock = createMockModel([listing, listing, listing, "Done."]);
    const session = await createModelSession({
      selection: { provider: "openai-compatible", modelId: "mock-model", source: "test" },
      env: {},
      languageModel: mock.model,
      streaming: false,
      limits: { maxTokens: 500 },
    });
    const context = await loadHookContext(directory(), { session, record: false });
    await expect(dispatchHooks(context, { event: "file-saved", file: "src/app.ts" })).rejects.toMatchObject({
      code: "budget-exceeded",
    });
    expect(mock.calls).toHaveLength(2);
  });
});
