import { readFile, symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isToolError } from "../../../src/engine/agent-tools/tool-error.js";
import { callTool, toolkitWithEvents } from "../../helpers/agent-tools.js";
import { createTempDirectory, removeTempDirectory, useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-tools-");

function expectError(result: unknown, fragment: RegExp): void {
  if (!isToolError(result)) throw new Error(`expected a tool error, got ${JSON.stringify(result)}`);
  expect(result.error).toMatch(fragment);
  expect(result.hint.length).toBeGreaterThan(10);
}

describe("read_file", () => {
  it("returns numbered lines with a note on what is left", async () => {
    await writeTree(temp(), { "src/a.ts": "one\ntwo\nthree\nfour\n" });
    const { tools } = toolkitWithEvents({ root: temp() });
    expect(await callTool(tools.read_file, { path: "src/a.ts", offset: 2, limit: 2 })).toEqual({
      path: "src/a.ts",
      content: "2\ttwo\n3\tthree",
      fromLine: 2,
      toLine: 3,
      totalLines: 4,
      note: "Lines 4-4 not shown; call read_file with offset=4.",
    });
  });

  it("caps a huge file and says so", async () => {
    await writeTree(temp(), {
      "big.txt": Array.from({ length: 3000 }, (_, index) => `line ${index} ${"x".repeat(40)}`).join("\n"),
    });
    const { tools } = toolkitWithEvents({ root: temp() });
    const result = await callTool(tools.read_file, { path: "big.txt" });
    if (isToolError(result)) throw new Error(result.error);
    expect(result.note).toMatch(/offset=2001/);
    expect(result.note).toMatch(/cut to fit/);
    expect(result.content).toMatch(/output truncated/);
  });

  it("refuses an offset past the end, a missing file and a binary file, as data", async () => {
    await writeTree(temp(), { "a.txt": "x\n", "b.bin": new Uint8Array([0, 1, 2]) });
    const { tools } = toolkitWithEvents({ root: temp() });
    expectError(await callTool(tools.read_file, { path: "a.txt", offset: 9 }), /past the end/);
    expectError(await callTool(tools.read_file, { path: "missing.txt" }), /does not exist/);
    expectError(await callTool(tools.read_file, { path: "b.bin" }), /binary/);
  });
});

describe("every escape is refused, and nothing is touched", () => {
  it("refuses .., absolute paths, symlinks out, .git writes and .env reads", async () => {
    const outside = await createTempDirectory("specwright-outside-");
    try {
      await writeTree(outside, { "target.txt": "outside" });
      await writeTree(temp(), { ".git/HEAD": "ref: refs/heads/main\n", ".env": "API_TOKEN=secret\n" });
      await symlink(join(outside, "target.txt"), join(temp(), "out-link.txt"));
      const { tools, events } = toolkitWithEvents({ root: temp() });

      expectError(await callTool(tools.read_file, { path: "../outside.txt" }), /outside the workspace/);
      expectError(
        await callTool(tools.write_file, { path: join(outside, "new.txt"), content: "x" }),
        /outside the workspace/,
      );
      expectError(await callTool(tools.write_file, { path: "out-link.txt", content: "overwritten" }), /leads outside/);
      expectError(await callTool(tools.read_file, { path: "out-link.txt" }), /leads outside/);
      expectError(await callTool(tools.write_file, { path: ".git/HEAD", content: "x" }), /inside \.git/);
      expectError(await callTool(tools.delete_file, { path: ".git/HEAD" }), /inside \.git/);
      expectError(await callTool(tools.read_file, { path: ".env" }), /secrets/);
      expectError(await callTool(tools.edit_file, { path: ".env", old_string: "secret", new_string: "x" }), /secrets/);

      expect(await readFile(join(outside, "target.txt"), "utf8")).toBe("outside");
      expect(await readFile(join(temp(), ".git", "HEAD"), "utf8")).toBe("ref: refs/heads/main\n");
      expect(await readFile(join(temp(), ".env"), "utf8")).toBe("API_TOKEN=secret\n");
      const results = events.filter((event) => event.type === "tool-result");
      expect(results).toHaveLength(8);
      expect(results.every((event) => !event.ok)).toBe(true);
    } finally {
      await removeTempDirectory(outside);
    }
  });

  it("reads a secret-looking file that agent.allowSecretReads names", async () => {
    await writeTree(temp(), { ".env.test": "PORT=1\n" });
    const { tools } = toolkitWithEvents({ root: temp(), settings: { agent: { allowSecretReads: [".env.test"] } } });
    expect(await callTool(tools.read_file, { path: ".env.test" })).toMatchObject({ content: "1\tPORT=1" });
  });
});

describe("write_file, edit_file, delete_file", () => {
  it("creates folders, writes, edits and deletes, recording changes and events", async () => {
    await writeTree(temp(), { "old.txt": "a\nb\n" });
    const { tools, events, fileChanges } = toolkitWithEvents({ root: temp() });
    expect(await callTool(tools.write_file, { path: "src/deep/new.ts", content: "export const x = 1;\n" })).toEqual({
      path: "src/deep/new.ts",
      created: true,
      bytes: 20,
      linesAdded: 1,
      linesRemoved: 0,
    });
    expect(
      await callTool(tools.edit_file, {
        path: "src/deep/new.ts",
        old_string: "x = 1",
        new_string: "x = 2;\nexport const y = 3",
      }),
    ).toEqual({ path: "src/deep/new.ts", replacements: 1, linesAdded: 2, linesRemoved: 1 });
    expect(await callTool(tools.delete_file, { path: "old.txt" })).toEqual({ path: "old.txt", linesRemoved: 2 });

    expect(await readFile(join(temp(), "src/deep/new.ts"), "utf8")).toBe("export const x = 2;\nexport const y = 3;\n");
    await expect(readFile(join(temp(), "old.txt"))).rejects.toThrow(/ENOENT/);
    expect(fileChanges()).toEqual([
      { path: "old.txt", kind: "deleted", linesAdded: 0, linesRemoved: 2 },
      { path: "src/deep/new.ts", kind: "created", linesAdded: 2, linesRemoved: 0 },
    ]);
    expect(events.map((event) => event.type)).toEqual([
      "tool-call",
      "tool-result",
      "tool-call",
      "tool-result",
      "tool-call",
      "tool-result",
    ]);
    expect(events[1]).toMatchObject({
      type: "tool-result",
      name: "write_file",
      ok: true,
      filesChanged: ["src/deep/new.ts"],
    });
  });

  it("edit_file refuses a missing old_string and a repeated one, naming how many and where", async () => {
    await writeTree(temp(), { "a.ts": "let x = 1;\nlet y = 1;\nlet z = 1;\n" });
    const { tools, fileChanges } = toolkitWithEvents({ root: temp() });
    expectError(
      await callTool(tools.edit_file, { path: "a.ts", old_string: "let w", new_string: "let v" }),
      /not found in a\.ts/,
    );
    const repeated = await callTool(tools.edit_file, { path: "a.ts", old_string: "= 1", new_string: "= 2" });
    expectError(repeated, /occurs 3 times in a\.ts \(lines 1, 2, 3\)/);
    expect(await readFile(join(temp(), "a.ts"), "utf8")).toBe("let x = 1;\nlet y = 1;\nlet z = 1;\n");
    expect(
      await callTool(tools.edit_file, { path: "a.ts", old_string: "= 1", new_string: "= 2", replace_all: true }),
    ).toMatchObject({
      replacements: 3,
    });
    expect(await readFile(join(temp(), "a.ts"), "utf8")).toBe("let x = 2;\nlet y = 2;\nlet z = 2;\n");
    expect(fileChanges()).toEqual([{ path: "a.ts", kind: "modified", linesAdded: 3, linesRemoved: 3 }]);
  });

  it("edit_file on a missing file points to write_file", async () => {
    const { tools } = toolkitWithEvents({ root: temp() });
    const result = await callTool(tools.edit_file, { path: "nope.ts", old_string: "a", new_string: "b" });
    expectError(result, /does not exist/);
    expect(isToolError(result) && result.hint).toMatch(/write_file/);
  });
});

describe("list_files and search honour .gitignore", () => {
  it("lists without ignored files and filters by pattern", async () => {
    await writeTree(temp(), {
      ".gitignore": "dist/\n*.log\n",
      "src/a.ts": "",
      "src/b.test.ts": "",
      "dist/a.js": "",
      "debug.log": "",
      "README.md": "",
    });
    const { tools } = toolkitWithEvents({ root: temp() });
    expect(await callTool(tools.list_files, {})).toEqual({
      files: [".gitignore", "README.md", "src/a.ts", "src/b.test.ts"],
      truncated: false,
    });
    expect(await callTool(tools.list_files, { path: "src", pattern: "*.test.ts" })).toEqual({
      files: ["src/b.test.ts"],
      truncated: false,
    });
    expectError(await callTool(tools.list_files, { path: "nowhere" }), /does not exist/);
  });

  it("searches with a RegExp, skipping ignored, binary and secret files", async () => {
    await writeTree(temp(), {
      ".gitignore": "dist/\n",
      "src/a.ts": "export function alpha() {}\nconst beta = 1;\n",
      "src/b.ts": "export function gamma() {}\n",
      "dist/a.js": "export function alpha() {}\n",
      "image.bin": new Uint8Array([0, 101, 120, 112, 111, 114, 116]),
      ".env": "export function leaked() {}\n",
    });
    const { tools } = toolkitWithEvents({ root: temp() });
    const result = await callTool(tools.search, { pattern: "export function \\w+" });
    expect(result).toEqual({
      matches: "src/a.ts:1: export function alpha() {}\nsrc/b.ts:1: export function gamma() {}",
      matchCount: 2,
      filesSearched: 3,
      truncated: false,
      note: "1 secret-looking files (.env, keys) were not searched.",
    });
    expect(await callTool(tools.search, { pattern: "beta", path: "src", glob: "a.ts" })).toMatchObject({
      matches: "src/a.ts:2: const beta = 1;",
    });
    expectError(await callTool(tools.search, { pattern: "(unclosed" }), /Invalid regular expression/);
  });
});

describe("list_files keeps to the output budget", () => {
  it("stops before the names pass 32 KiB and says how to see the rest", async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 400; index++)
      files[`folder/${String(index).padStart(3, "0")}-${"n".repeat(90)}.ts`] = "";
    await writeTree(temp(), files);
    const { tools } = toolkitWithEvents({ root: temp() });
    const result = await callTool(tools.list_files, {});
    if (isToolError(result)) throw new Error(result.error);
    expect(result.truncated).toBe(true);
    expect(result.files.length).toBeGreaterThan(250);
    expect(result.files.length).toBeLessThan(400);
    expect(Buffer.byteLength(JSON.stringify(result.files))).toBeLessThanOrEqual(32 * 1024);
    expect(result.note).toMatch(/list a subfolder or pass a pattern/);
  });
});
