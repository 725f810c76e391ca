import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const TYPESCRIPT_EDIT = {
  file: "typescript.md",
  inclusion: "fileMatch",
  fileMatchPattern: "**/*.ts",
  body: "# TypeScript\n\n- Strict mode on; never use `any`: use `unknown` and narrow it.\n",
};
const TECH = "---\ninclusion: always\n---\n\n# Tech\n\nWe use npm.\n";

describe("specwright steer add|update", () => {
  const directory = useTempDirectory("specwright-steer-instruction-");
  const model = useCliWithFakeModel(directory);
  const steering = (name: string) => join(directory(), ".kiro", "steering", name);
  const setUp = async () => {
    await mkdir(join(directory(), ".kiro", "steering"), { recursive: true });
    await writeFile(steering("tech.md"), TECH);
  };

  it('add creates typescript.md with fileMatch: "**/*.ts" and it passes check', async () => {
    await setUp();
    const result = await model.run(
      ["steer", "add", "follow TypeScript best practices and avoid any", "--yes", "--json"],
      [{ text: JSON.stringify(TYPESCRIPT_EDIT) }],
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(jsonOf(result)).toMatchObject({
      ok: true,
      applied: true,
      created: true,
      file: ".kiro/steering/typescript.md",
      inclusion: "fileMatch",
    });
    const written = await readFile(steering("typescript.md"), "utf8");
    expect(written).toBe(`---\ninclusion: fileMatch\nfileMatchPattern: "**/*.ts"\n---\n\n${TYPESCRIPT_EDIT.body}`);
    // The model saw the existing steering, so it can avoid repeating it.
    expect(JSON.stringify(model.server?.requests[0]?.body?.messages)).toContain("We use npm.");
    expect((await runCli(["check", "--strict"], { cwd: directory() })).code).toBe(0);
  });

  it("shows the diff and writes nothing without --yes and without a terminal", async () => {
    await setUp();
    const result = await model.run(["steer", "add", "avoid any"], [{ text: JSON.stringify(TYPESCRIPT_EDIT) }]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('+fileMatchPattern: "**/*.ts"');
    expect(result.stdout).toContain("not written");
    await expect(readFile(steering("typescript.md"), "utf8")).rejects.toThrow();
  });

  it("update edits the named file, keeping its inclusion, and add refuses a file that exists", async () => {
    await setUp();
    const revised = { file: "tech.md", inclusion: "always", body: "# Tech\n\nWe use pnpm.\n" };
    const result = await model.run(
      ["steer", "update", "we moved to pnpm", "--file", "tech.md", "--yes", "--json"],
      [{ text: JSON.stringify(revised) }, { text: JSON.stringify(revised) }],
    );
    expect(result.code, result.stdout).toBe(0);
    expect(String(jsonOf(result).diff)).toContain("+We use pnpm.");
    expect(await readFile(steering("tech.md"), "utf8")).toBe("---\ninclusion: always\n---\n\n# Tech\n\nWe use pnpm.\n");
    const again = await model.run(["steer", "add", "pnpm", "--file", "tech.md", "--json"]);
    expect(again.code).toBe(2);
    expect(jsonOf(again)).toMatchObject({ ok: false, error: { code: "steering-file-exists" } });
  });
});
