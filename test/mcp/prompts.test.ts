import { describe, expect, it } from "vitest";
import { useInMemoryConnections } from "../helpers/mcp-client.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-prompts-");
const mcp = useInMemoryConnections();

async function promptText(name: string, args: Record<string, string>): Promise<string> {
  await writeTree(temp(), { ".kiro/specs/": "" });
  const connected = await mcp.connect(temp());
  const prompt = await connected.client.getPrompt({ name, arguments: args });
  const content = prompt.messages[0]?.content;
  return content?.type === "text" ? content.text : "";
}

describe("MCP workflow prompts", () => {
  it("lists create-spec, execute-task and refine-spec", async () => {
    await writeTree(temp(), { ".kiro/specs/": "" });
    const connected = await mcp.connect(temp());
    const { prompts } = await connected.client.listPrompts();
    expect(prompts.map((prompt) => prompt.name)).toEqual(["create-spec", "execute-task", "refine-spec"]);
  });

  it("create-spec stops for the user's approval before each next phase", async () => {
    const text = await promptText("create-spec", { spec: "rate-limiting", idea: "Limit requests per client" });
    expect(text).toContain("Limit requests per client");
    expect(text).toMatch(/STOP\. Show the user the requirements and ask them to approve/);
    expect(text.indexOf('approve` { spec, phase: "requirements" }')).toBeLessThan(text.indexOf("Write design.md"));
    expect(text).toContain("Never approve on your own");
  });

  it("execute-task leaves checking off to complete_task", async () => {
    const text = await promptText("execute-task", { spec: "rate-limiting", taskId: "2.1" });
    expect(text).toContain("The task is 2.1.");
    expect(text).toContain("complete_task");
    expect(text).toContain("Never edit the checkbox in tasks.md yourself");
    const next = await promptText("execute-task", { spec: "rate-limiting" });
    expect(next).toContain("next_task");
  });

  it("refine-spec asks for approval again and names the stale documents", async () => {
    const text = await promptText("refine-spec", {
      spec: "rate-limiting",
      document: "design",
      feedback: "Use a token bucket",
    });
    expect(text).toContain("Use a token bucket");
    expect(text).toContain('phase: "design"');
    expect(text).toMatch(/stale/);
  });
});
