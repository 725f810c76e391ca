import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

describe("specwright hook run with an agent hook (end to end, fake OpenAI-compatible server)", () => {
  const directory = useTempDirectory("specwright-hook-agent-cli-");
  const model = useCliWithFakeModel(directory);

  it("the hook's agent gets the tools and the steering for the file, writes inside the workspace, and is recorded", async () => {
    await writeTree(directory(), {
      "src/app.ts": "export const answer = 42;\n",
      ".kiro/steering/typescript.md":
        '---\ninclusion: fileMatch\nfileMatchPattern: "src/**/*.ts"\n---\n\nKeep CHANGES.md current.\n',
      ".kiro/hooks/changelog.kiro.hook": `${JSON.stringify({
        enabled: true,
        name: "Changelog",
        version: "1",
        when: { type: "fileEdited", patterns: ["src/**/*.ts"] },
        // biome-ignore lint/suspicious/noThenProperty: Kiro's 0.x hook format names the action "then".
        then: { type: "askAgent", prompt: "Record the change in CHANGES.md." },
      })}\n`,
    });
    const result = await model.run(
      ["hook", "run", "changelog", "--file", "src/app.ts"],
      [
        { toolCalls: [{ name: "write_file", arguments: { path: "CHANGES.md", content: "- src/app.ts: answer\n" } }] },
        { text: "Recorded in CHANGES.md." },
      ],
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Recorded in CHANGES.md.");
    expect(await readFile(join(directory(), "CHANGES.md"), "utf8")).toBe("- src/app.ts: answer\n");
    const [first, second] = model.server?.requests ?? [];
    const tools = (first?.body?.tools ?? []).map((tool) => (tool as { function: { name: string } }).function.name);
    expect(tools).toContain("write_file");
    expect(tools).not.toContain("ask_user");
    expect(JSON.stringify(first?.body?.messages)).toContain("Keep CHANGES.md current.");
    expect(JSON.stringify(second?.body?.messages)).toContain("CHANGES.md");
    const log = JSON.parse(
      (await readFile(join(directory(), ".kiro/specwright/hooks.jsonl"), "utf8")).trim(),
    ) as Record<string, unknown>;
    expect(log).toMatchObject({ hook: "Changelog", action: "agent", verdict: "ok", tokens: expect.any(Object) });
    // Each agent step is on the command's usage record, under the hook's purpose.
    const usage = (await readFile(join(directory(), ".kiro/specwright/usage.jsonl"), "utf8")).trim().split("\n");
    expect(usage.map((line) => (JSON.parse(line) as { purpose: string }).purpose)).toEqual([
      "hook Changelog",
      "hook Changelog",
    ]);
  });
});
