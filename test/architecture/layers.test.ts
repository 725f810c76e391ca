import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/child-process.js";

const SOURCE = fileURLToPath(new URL("../../src/", import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(join(SOURCE, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/^(?:import|export)[^;]*?from "([^"]+)"/gms)].map(
    (match) => match[1] ?? "",
  );
}

describe("layers (DESIGN.md)", () => {
  it.each(["model", "rules"])("src/%s imports no Node module and no lower layer, so it runs in a browser", (layer) => {
    for (const file of sourceFiles(layer)) {
      for (const specifier of importsOf(file)) {
        const where = relative(SOURCE, file);
        expect(specifier, where).not.toMatch(/^node:|^(fs|path|os|child_process)$/);
        expect(specifier, where).not.toMatch(/\/(workspace|engine|cli)\//);
      }
    }
  });

  it("src/workspace and src/engine never import the CLI", () => {
    for (const file of [...sourceFiles("workspace"), ...sourceFiles("engine")]) {
      for (const specifier of importsOf(file))
        expect(specifier, relative(SOURCE, file)).not.toMatch(/\/cli\/|commander/);
    }
  });

  it("src/engine touches files only through src/workspace", () => {
    for (const file of sourceFiles("engine")) {
      for (const specifier of importsOf(file)) expect(specifier, relative(SOURCE, file)).not.toMatch(/^node:fs/);
    }
  });

  it("the built library loads without the CLI framework", async () => {
    const script = [
      'import { createRequire } from "node:module";',
      `const library = await import(${JSON.stringify(fileURLToPath(new URL("../../dist/index.js", import.meta.url)))});`,
      'const loaded = Object.keys(createRequire(import.meta.url).cache ?? {}).some((path) => path.includes("commander"));',
      "console.log(JSON.stringify({ parseTasks: typeof library.parseTasks, runCheck: typeof library.runCheck, loaded }));",
    ].join("\n");
    const result = await runNode(["--input-type=module", "-e", script]);
    expect(JSON.parse(result.stdout)).toEqual({ parseTasks: "function", runCheck: "function", loaded: false });
  });
});
