import { describe, expect, it } from "vitest";
import { structuredOf, textOf, useInMemoryConnections } from "../helpers/mcp-client.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-workspace-");
const mcp = useInMemoryConnections();

describe("MCP get_steering", () => {
  const steering = {
    ".kiro/steering/product.md": "---\ninclusion: always\n---\n\n# Product\n\nA rate limiter.\n",
    ".kiro/steering/api.md":
      '---\ninclusion: fileMatch\nfileMatchPattern: "src/api/**/*.ts"\n---\n\n# API rules\n\nReturn 429.\n',
    ".kiro/steering/release.md": "---\ninclusion: manual\n---\n\n# Release\n",
  };

  it("returns the always and the matching fileMatch steering, with their text", async () => {
    await writeTree(temp(), steering);
    const connected = await mcp.connect(temp());
    const result = structuredOf(await connected.call("get_steering", { path: "src/api/limits.ts" }));
    const included = result.included as { path: string; text: string }[];
    expect(included.map((file) => file.path).sort()).toEqual([".kiro/steering/api.md", ".kiro/steering/product.md"]);
    expect(included.find((file) => file.path === ".kiro/steering/api.md")?.text).toContain("Return 429.");
    const other = structuredOf(await connected.call("get_steering", { path: "docs/readme.md" }));
    expect((other.included as { path: string }[]).map((file) => file.path)).toEqual([".kiro/steering/product.md"]);
  });

  it("refuses a path outside the workspace", async () => {
    await writeTree(temp(), steering);
    const connected = await mcp.connect(temp());
    for (const path of ["../elsewhere/file.ts", "/etc/passwd"]) {
      const result = await connected.call("get_steering", { path });
      expect(result.isError, path).toBe(true);
      expect(textOf(result), path).toMatch(/outside the workspace/);
    }
  });
});

describe("MCP list_hooks", () => {
  it("lists hooks of both Kiro formats, and the files it cannot read", async () => {
    await writeTree(temp(), {
      ".kiro/hooks/lint.json": JSON.stringify({
        version: "v1",
        hooks: [
          {
            name: "lint-on-save",
            trigger: "PostFileSave",
            matcher: "\\.ts$",
            action: { type: "command", command: "npm run lint" },
          },
          { name: "review", trigger: "Stop", action: { type: "agent", prompt: "Review the diff" }, enabled: false },
        ],
      }),
      ".kiro/hooks/docs.kiro.hook": JSON.stringify({
        name: "Update docs",
        description: "Keeps the docs in step",
        when: { type: "fileEdited", patterns: ["src/**/*.ts"] },
        // biome-ignore lint/suspicious/noThenProperty: Kiro's 0.x hook format names the action "then".
        then: { type: "askAgent", prompt: "Update the docs" },
      }),
      ".kiro/hooks/broken.json": "{ not json",
    });
    const connected = await mcp.connect(temp());
    const result = structuredOf(await connected.call("list_hooks"));
    expect(result.hooks).toEqual([
      {
        file: ".kiro/hooks/docs.kiro.hook",
        format: "legacy",
        name: "Update docs",
        description: "Keeps the docs in step",
        trigger: "fileEdited",
        matcher: "src/**/*.ts",
        action: { type: "askAgent", prompt: "Update the docs" },
        enabled: true,
      },
      {
        file: ".kiro/hooks/lint.json",
        format: "v1",
        name: "lint-on-save",
        trigger: "PostFileSave",
        matcher: "\\.ts$",
        action: { type: "command", command: "npm run lint" },
        enabled: true,
      },
      {
        file: ".kiro/hooks/lint.json",
        format: "v1",
        name: "review",
        trigger: "Stop",
        action: { type: "agent", prompt: "Review the diff" },
        enabled: false,
      },
    ]);
    expect(result.problems).toEqual([expect.objectContaining({ file: ".kiro/hooks/broken.json" })]);
  });

  it("a workspace without hooks has none", async () => {
    await writeTree(temp(), { ".kiro/specs/": "" });
    const connected = await mcp.connect(temp());
    expect(structuredOf(await connected.call("list_hooks"))).toEqual({ hooks: [], problems: [] });
  });
});
