import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listKiroFiles } from "../../src/workspace/list-kiro-files.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory();

describe("listKiroFiles", () => {
  it("lists steering files, hooks of both formats and the MCP settings", async () => {
    await writeTree(temp(), {
      ".kiro/steering/tech.md": "",
      ".kiro/steering/product.md": "",
      ".kiro/steering/notes.txt": "",
      ".kiro/steering/archive/old.md": "",
      ".kiro/hooks/lint-on-save.kiro.hook": "{}",
      ".kiro/hooks/hooks.json": "{}",
      ".kiro/hooks/README.md": "",
      ".kiro/hooks/hooks.json.lock": "{}",
      ".kiro/settings/mcp.json": "{}",
    });
    const kiro = join(temp(), ".kiro");

    expect(await listKiroFiles(temp())).toEqual({
      steering: [join(kiro, "steering", "product.md"), join(kiro, "steering", "tech.md")],
      hooks: [join(kiro, "hooks", "hooks.json"), join(kiro, "hooks", "lint-on-save.kiro.hook")],
      mcpSettings: join(kiro, "settings", "mcp.json"),
    });
  });

  it("returns empty lists and no MCP settings for a bare .kiro/ folder", async () => {
    await writeTree(temp(), { ".kiro/": "", ".kiro/settings/mcp.json/": "" });

    expect(await listKiroFiles(temp())).toEqual({ steering: [], hooks: [], mcpSettings: undefined });
  });
});
