import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPhasePrompt, PROMPT_NAMES, promptOverridePath } from "../../../src/engine/authoring/phase-prompt.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

describe("loadPhasePrompt", () => {
  const directory = useTempDirectory();

  it.each(PROMPT_NAMES)("ships a built-in %s prompt", async (name) => {
    const prompt = await loadPhasePrompt(directory(), name);
    expect(prompt.overridden).toBe(false);
    expect(prompt.text.length).toBeGreaterThan(200);
  });

  it("prefers the workspace's .kiro/settings/prompts/<phase>.md", async () => {
    const path = promptOverridePath(directory(), "design");
    expect(path).toBe(join(directory(), ".kiro", "settings", "prompts", "design.md"));
    await mkdir(join(directory(), ".kiro", "settings", "prompts"), { recursive: true });
    await writeFile(path, "Write the design in German.\n");
    expect(await loadPhasePrompt(directory(), "design")).toMatchObject({
      text: "Write the design in German.\n",
      overridden: true,
      path,
    });
    expect((await loadPhasePrompt(directory(), "tasks")).overridden).toBe(false);
  });
});
