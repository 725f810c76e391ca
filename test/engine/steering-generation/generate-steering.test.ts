import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSteeringCandidate } from "../../../src/engine/steering-generation/check-steering-candidate.js";
import { generateSteering } from "../../../src/engine/steering-generation/generate-steering.js";
import { scriptedSession } from "../../helpers/authoring-session.js";
import type { MockReply } from "../../helpers/mock-model.js";
import { EXPRESS_PROJECT, PRODUCT_ANSWER, STRUCTURE_ANSWER, TECH_ANSWER } from "../../helpers/steering-answers.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

async function run(root: string, replies: readonly MockReply[], options: { force?: boolean } = {}) {
  const { session, mock } = await scriptedSession(replies);
  let opened = 0;
  const result = await generateSteering({
    root,
    openSession: async () => {
      opened++;
      return session;
    },
    ...(options.force ? { force: true } : {}),
  });
  return { result, mock, opened };
}

const read = (root: string, file: string) => readFile(join(root, ...file.split("/")), "utf8");

describe("generateSteering", () => {
  const temp = useTempDirectory();

  it("writes the three files with inclusion: always front matter, each passing check's rules", async () => {
    await writeTree(temp(), EXPRESS_PROJECT);
    const { result, mock } = await run(temp(), [PRODUCT_ANSWER, TECH_ANSWER, STRUCTURE_ANSWER]);
    expect(result.files.map((file) => [file.file, file.status])).toEqual([
      [".kiro/steering/product.md", "written"],
      [".kiro/steering/tech.md", "written"],
      [".kiro/steering/structure.md", "written"],
    ]);
    const product = await read(temp(), ".kiro/steering/product.md");
    expect(product.startsWith("---\ninclusion: always\n---\n\n# Product Overview\n")).toBe(true);
    expect(product).not.toContain("```");
    expect(await read(temp(), ".kiro/steering/structure.md")).not.toContain("<think>");
    for (const file of result.files) {
      expect(await checkSteeringCandidate(temp(), file.file, await read(temp(), file.file))).toEqual([]);
    }
    const [productPrompt, techPrompt, structurePrompt] = mock.prompts();
    expect(productPrompt?.lastUser).toContain("Rate limiting for our Express API");
    expect(productPrompt?.system).toContain("# Product Overview");
    expect(techPrompt?.lastUser).toContain("- Direct: express 4.19.2");
    expect(techPrompt?.lastUser).toContain("Test command: `npm test`");
    expect(structurePrompt?.lastUser).toContain("app.ts (31 B): createApp()");
    expect(result.analysis?.lockfiles).toEqual(["package-lock.json"]);
  });

  it("skips files that exist without asking the model, and opens no session when all exist", async () => {
    await writeTree(temp(), {
      ...EXPRESS_PROJECT,
      ".kiro/steering/product.md": "# Mine\n",
      ".kiro/steering/tech.md": "# Mine too\n",
    });
    const { result, mock } = await run(temp(), [STRUCTURE_ANSWER]);
    expect(result.files.map((file) => file.status)).toEqual(["skipped", "skipped", "written"]);
    expect(mock.calls).toHaveLength(1);
    expect(mock.prompts()[0]?.lastUser).toContain(
      "## Existing .kiro/steering/tech.md (it stays; do not contradict it)",
    );
    expect(await read(temp(), ".kiro/steering/product.md")).toBe("# Mine\n");

    const again = await run(temp(), []);
    expect(again.opened).toBe(0);
    expect(again.result.files.map((file) => file.status)).toEqual(["skipped", "skipped", "skipped"]);
    expect(again.result.analysis).toBeUndefined();
  });

  it("takes its system prompt from .kiro/settings/prompts/steering.md when the workspace overrides it", async () => {
    await writeTree(temp(), {
      ...EXPRESS_PROJECT,
      ".kiro/steering/product.md": "# Mine\n",
      ".kiro/steering/tech.md": "# Mine too\n",
      ".kiro/settings/prompts/steering.md":
        "House style for {{fileName}}: sections {{sections}}; keep {{unknown}} as is.\n",
    });
    const { mock } = await run(temp(), [STRUCTURE_ANSWER]);
    expect(mock.prompts()[0]?.system).toMatch(
      /^House style for structure\.md: sections .+; keep \{\{unknown\}\} as is\.$/,
    );
  });

  it("replaces existing files with force", async () => {
    await writeTree(temp(), { ...EXPRESS_PROJECT, ".kiro/steering/tech.md": "# Old\n" });
    const { result } = await run(temp(), [PRODUCT_ANSWER, TECH_ANSWER, STRUCTURE_ANSWER], { force: true });
    expect(result.files.map((file) => file.status)).toEqual(["written", "written", "written"]);
    expect(await read(temp(), ".kiro/steering/tech.md")).toContain("# Technology Stack");
  });

  it("sends findings back for repair, and saves only a draft when they remain", async () => {
    await writeTree(temp(), EXPRESS_PROJECT);
    const broken = `${TECH_ANSWER}\n\n#[[file:docs/missing.md]]\n`;
    const { result, mock } = await run(temp(), [
      "# Product Overview\n\n## Purpose\n\nSee #[[file:docs/nothing.md]]\n",
      PRODUCT_ANSWER,
      broken,
      broken,
      STRUCTURE_ANSWER,
    ]);
    expect(result.files.map((file) => [file.status, file.repairs])).toEqual([
      ["written", 1],
      ["draft", 1],
      ["written", 0],
    ]);
    expect(mock.prompts()[1]?.lastUser).toContain("steering/missing-file-reference");
    const tech = result.files[1];
    expect(tech?.savedTo).toBe(".kiro/steering/tech.md.draft");
    expect(tech?.problems.map((problem) => problem.rule)).toEqual(["steering/missing-file-reference"]);
    await expect(read(temp(), ".kiro/steering/tech.md")).rejects.toThrow(/ENOENT/);
    expect(await read(temp(), ".kiro/steering/tech.md.draft")).toContain("#[[file:docs/missing.md]]");
  });

  it("writes nothing for an answer that is no document, even after repair", async () => {
    await writeTree(temp(), EXPRESS_PROJECT);
    const { session } = await scriptedSession(["I cannot help with that.", "Still no."]);
    const result = await generateSteering({ root: temp(), openSession: async () => session, documents: ["product"] });
    expect(result.files).toEqual([
      expect.objectContaining({
        status: "failed",
        problems: [expect.objectContaining({ rule: "authoring/not-a-document" })],
      }),
    ]);
    await expect(read(temp(), ".kiro/steering/product.md")).rejects.toThrow(/ENOENT/);
  });

  it("keeps a file that appears while the model is writing", async () => {
    await writeTree(temp(), { ...EXPRESS_PROJECT, ".kiro/steering/": "" });
    const { session } = await scriptedSession([PRODUCT_ANSWER]);
    const result = await generateSteering({
      root: temp(),
      documents: ["product"],
      openSession: async () => {
        await writeFile(join(temp(), ".kiro", "steering", "product.md"), "# Written by a person meanwhile\n");
        return session;
      },
    });
    expect(result.files[0]?.status).toBe("kept");
    expect(await read(temp(), ".kiro/steering/product.md")).toBe("# Written by a person meanwhile\n");
  });
});
