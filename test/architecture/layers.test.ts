import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
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

  it("the library's static imports reach neither the MCP SDK, the CLI framework nor a model provider", () => {
    const reached = packagesReachedStatically(fileURLToPath(new URL("../../dist/index.js", import.meta.url)));
    expect(reached.has("ai"), "the walk follows the engine's imports").toBe(true);
    for (const name of reached)
      expect(name).not.toMatch(/^@modelcontextprotocol\/|^commander$|^@ai-sdk\/(?!provider$)/);
  });
});

/** Bare package names imported (not `import()`ed) by a built module and everything it imports statically. */
function packagesReachedStatically(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith(".")) pending.push(resolve(dirname(file), specifier));
      else if (!specifier.startsWith("node:"))
        packages.add(
          specifier
            .split("/")
            .slice(0, specifier.startsWith("@") ? 2 : 1)
            .join("/"),
        );
    }
  }
  return packages;
}
