import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonOf, runCli } from "../../helpers/run-cli.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-install-");

const FILES = {
  "claude-code": ".mcp.json",
  cursor: ".cursor/mcp.json",
  vscode: ".vscode/mcp.json",
  kiro: ".kiro/settings/mcp.json",
  codex: ".codex/config.toml",
  gemini: ".gemini/settings.json",
} as const;

describe("specwright mcp install (the built CLI)", () => {
  it.each(Object.entries(FILES))("--client %s writes %s once, then changes nothing", async (client, file) => {
    await writeTree(temp(), { ".kiro/specs/": "" });
    const first = await runCli(["mcp", "install", "--client", client, "--json"], { cwd: temp() });
    expect(first.code, first.stderr).toBe(0);
    expect(jsonOf(first)).toMatchObject({ ok: true, client, file, changed: true, created: true });
    const written = await readFile(join(temp(), file), "utf8");
    if (file.endsWith(".toml")) {
      expect(written).toBe('[mcp_servers.specwright]\ncommand = "npx"\nargs = ["-y", "specwright", "mcp"]\n');
    } else {
      const key = client === "vscode" ? "servers" : "mcpServers";
      expect(JSON.parse(written)[key].specwright).toMatchObject({
        command: "npx",
        args: expect.arrayContaining(["-y", "specwright", "mcp"]),
      });
    }
    const second = await runCli(["mcp", "install", "--client", client], { cwd: temp() });
    expect(second.stdout).toContain("already configured; nothing written");
    expect(await readFile(join(temp(), file), "utf8")).toBe(written);
  });

  it("keeps the servers already configured", async () => {
    const existing = '{\n  "mcpServers": {\n    "github": { "command": "gh-mcp" }\n  }\n}\n';
    await writeTree(temp(), { ".kiro/specs/": "", ".mcp.json": existing });
    const result = await runCli(["mcp", "install", "--client", "claude-code"], { cwd: temp() });
    expect(result.stdout).toContain(".mcp.json: added specwright, other servers kept");
    const written = await readFile(join(temp(), ".mcp.json"), "utf8");
    expect(written.startsWith('{\n  "mcpServers": {\n    "github": { "command": "gh-mcp" },\n')).toBe(true);
    expect(JSON.parse(written).mcpServers.github).toEqual({ command: "gh-mcp" });
  });

  it("points VS Code at the workspace folder", async () => {
    await writeTree(temp(), { ".kiro/specs/": "" });
    await runCli(["mcp", "install", "--client", "vscode"], { cwd: temp() });
    const config = JSON.parse(await readFile(join(temp(), ".vscode/mcp.json"), "utf8"));
    expect(config.servers.specwright).toEqual({
      type: "stdio",
      command: "npx",
      // A literal VS Code variable, which VS Code expands when it starts the server.
      args: ["-y", "specwright", "mcp", "--root", ["$", "{workspaceFolder}"].join("")],
    });
  });

  it("--root after install names the project folder", async () => {
    await writeTree(temp(), { "project/.kiro/specs/": "" });
    const result = await runCli(["mcp", "install", "--client", "cursor", "--root", "project", "--json"], {
      cwd: temp(),
    });
    expect(jsonOf(result)).toMatchObject({ ok: true, root: join(temp(), "project") });
    expect(JSON.parse(await readFile(join(temp(), "project/.cursor/mcp.json"), "utf8")).mcpServers).toHaveProperty(
      "specwright",
    );
  });

  it("--print shows the snippet and writes nothing", async () => {
    await writeTree(temp(), { ".kiro/specs/": "" });
    const result = await runCli(["mcp", "install", "--client", "codex", "--print"], { cwd: temp() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      '# .codex/config.toml\n[mcp_servers.specwright]\ncommand = "npx"\nargs = ["-y", "specwright", "mcp"]\n',
    );
    await expect(readFile(join(temp(), ".codex/config.toml"))).rejects.toThrow();
  });

  it("refuses to rewrite a file it cannot parse, and leaves it alone", async () => {
    await writeTree(temp(), { ".kiro/specs/": "", ".cursor/mcp.json": '{ "mcpServers": ' });
    const result = await runCli(["mcp", "install", "--client", "cursor", "--json"], { cwd: temp() });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "unmergeable-config" } });
    expect(await readFile(join(temp(), ".cursor/mcp.json"), "utf8")).toBe('{ "mcpServers": ');
  });

  it("an unknown client is a usage error naming the choices", async () => {
    const result = await runCli(["mcp", "install", "--client", "emacs"], { cwd: temp() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("claude-code");
  });
});
