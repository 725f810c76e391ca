import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runNode } from "../../helpers/child-process.js";
import { recordingHookRegistration } from "../../helpers/module-hooks.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

const DIST = fileURLToPath(new URL("../../../dist/", import.meta.url));
const folder = useTempDirectory();

/** Imports built modules in a fresh Node, recording every bare package it resolves. */
async function packagesLoadedBy(modules: readonly string[], afterImport = ""): Promise<string[]> {
  const log = join(folder(), "resolved.txt");
  const script = [
    recordingHookRegistration("resolve", log, '/^[@a-z]/.test(value) && !value.startsWith("node:")'),
    ...modules.map((module, index) => `const module${index} = await import(${JSON.stringify(join(DIST, module))});`),
    afterImport,
  ].join("\n");
  const result = await runNode(["--input-type=module", "-e", script]);
  expect(result.stderr).toBe("");
  const text = await readFile(log, "utf8").catch(() => "");
  return [...new Set(text.split("\n").filter((line) => line !== ""))];
}

describe("provider packages load only when a model is used", () => {
  it("the CLI's model options and the engine's model layer load neither `ai` nor a provider", async () => {
    const loaded = await packagesLoadedBy(["cli/model-options.js", "cli/model-usage-output.js", "engine/llm/index.js"]);
    expect(loaded).toContain("zod"); // the hook does see bare packages
    expect(loaded.filter((name) => name === "ai" || /^@ai-sdk\/(?!provider$)/.test(name))).toEqual([]);
  });

  it("opening a session loads `ai` and the one provider chosen", async () => {
    const open =
      'await module0.createModelSession({ selection: { provider: "openai-compatible", modelId: "m", baseUrl: "http://127.0.0.1:9/v1", source: "test" }, env: {} });';
    const loaded = await packagesLoadedBy(["engine/llm/index.js"], open);
    expect(loaded).toContain("ai");
    expect(loaded).toContain("@ai-sdk/openai-compatible");
    expect(loaded).not.toContain("@ai-sdk/anthropic");
    expect(loaded).not.toContain("@ai-sdk/amazon-bedrock");
  });
});
