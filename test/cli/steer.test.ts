import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { EXPRESS_PROJECT, PRODUCT_ANSWER, STRUCTURE_ANSWER, TECH_ANSWER } from "../helpers/steering-answers.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

describe("specwright steer generate (built CLI, fake OpenAI-compatible server)", () => {
  const directory = useTempDirectory();
  const model = useCliWithFakeModel(directory);
  const env = () => ({ ...model.env(), SPECWRIGHT_API_KEY: undefined });

  it("writes the three steering files through the real provider client; check --strict passes on them", async () => {
    await writeTree(directory(), EXPRESS_PROJECT);
    const server = await model.start([
      { text: PRODUCT_ANSWER, usage: { inputTokens: 900, outputTokens: 120 } },
      { text: TECH_ANSWER },
      { text: STRUCTURE_ANSWER },
    ]);
    const result = await runCli(["steer", "generate"], { cwd: directory(), env: env() });
    expect(result.stderr).toMatch(/tokens: [\d,]+ in \/ [\d,]+ out/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("wrote .kiro/steering/product.md");
    expect(result.stdout).toContain("wrote .kiro/steering/structure.md");
    expect(server.requests).toHaveLength(3);
    const techRequest = JSON.stringify(server.requests[1]?.body?.messages ?? []);
    expect(techRequest).toContain("express 4.19.2");
    const tech = await readFile(join(directory(), ".kiro", "steering", "tech.md"), "utf8");
    expect(tech.startsWith("---\ninclusion: always\n---\n")).toBe(true);

    const check = await runCli(["check", "--strict", ".kiro/steering"], { cwd: directory() });
    expect(check.stdout).toContain("0 errors, 0 warnings");
    expect(check.code).toBe(0);
  });

  it("skips existing files without calling the model, and says so in one JSON document", async () => {
    await writeTree(directory(), {
      ...EXPRESS_PROJECT,
      ".kiro/steering/product.md": "# Mine\n",
      ".kiro/steering/tech.md": "# Mine\n",
      ".kiro/steering/structure.md": "# Mine\n",
    });
    const server = await model.start([]);
    const result = await runCli(["steer", "generate", "--json"], { cwd: directory(), env: env() });
    const document = jsonOf(result);
    expect(result.code).toBe(0);
    expect(document.ok).toBe(true);
    expect(document.usage).toBeNull();
    expect(document.files).toEqual([
      expect.objectContaining({ file: ".kiro/steering/product.md", status: "skipped" }),
      expect.objectContaining({ file: ".kiro/steering/tech.md", status: "skipped" }),
      expect.objectContaining({ file: ".kiro/steering/structure.md", status: "skipped" }),
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it("with --force --only tech replaces that file alone; a draft exits 1", async () => {
    await writeTree(directory(), { ...EXPRESS_PROJECT, ".kiro/steering/tech.md": "# Old\n" });
    const server = await model.start([{ text: TECH_ANSWER }]);
    const forced = await runCli(["steer", "generate", "--force", "--only", "tech", "--json"], {
      cwd: directory(),
      env: env(),
    });
    expect(forced.code).toBe(0);
    expect(jsonOf(forced).files).toEqual([expect.objectContaining({ status: "written", repairs: 0 })]);
    expect(await readFile(join(directory(), ".kiro", "steering", "tech.md"), "utf8")).toContain("# Technology Stack");

    const broken = `${STRUCTURE_ANSWER}\n\n#[[file:docs/missing.md]]\n`;
    server.push({ text: broken }, { text: broken });
    const draft = await runCli(["steer", "generate", "--only", "structure"], { cwd: directory(), env: env() });
    expect(draft.code).toBe(1);
    expect(draft.stdout).toContain("draft .kiro/steering/structure.md: saved as .kiro/steering/structure.md.draft");
    expect(draft.stdout).toContain("steering/missing-file-reference");
  });

  it("refuses an unknown --only name with exit 2, and a missing model with the variable to set", async () => {
    await writeTree(directory(), EXPRESS_PROJECT);
    const unknown = await runCli(["steer", "generate", "--only", "readme", "--json"], { cwd: directory() });
    expect(unknown.code).toBe(2);
    expect(jsonOf(unknown)).toMatchObject({ ok: false, error: { code: "invalid-option" } });

    const noModel = await runCli(["steer", "generate"], {
      cwd: directory(),
      env: { SPECWRIGHT_MODEL: undefined, SPECWRIGHT_BASE_URL: undefined },
    });
    expect(noModel.code).not.toBe(0);
    expect(noModel.stderr).toContain("SPECWRIGHT_MODEL");
    expect(noModel.stderr).not.toMatch(/\n\s+at /);
  });

  it("keeps what was written when a later call fails, reports the failure and the tokens spent", async () => {
    await writeTree(directory(), EXPRESS_PROJECT);
    await model.start([{ text: PRODUCT_ANSWER }, { status: 401 }]);
    const result = await runCli(["steer", "generate", "--json"], { cwd: directory(), env: env() });
    expect(result.code).not.toBe(0);
    expect(jsonOf(result)).toMatchObject({ ok: false });
    expect(result.stderr).toMatch(/tokens: [\d,]+ in/);
    expect(await readFile(join(directory(), ".kiro", "steering", "product.md"), "utf8")).toContain(
      "# Product Overview",
    );
  });
});
