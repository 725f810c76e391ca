import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseTestCommand } from "../../../src/model/inventory/choose-test-command.js";
import { manifestDependencyNames } from "../../../src/model/inventory/manifest-dependency-names.js";
import { LOCKFILE_KINDS, readLockfile } from "../../../src/model/inventory/read-lockfile.js";
import { renderInventory } from "../../../src/model/inventory/render-inventory.js";
import { renderRepositoryMap } from "../../../src/model/inventory/render-repository-map.js";
import type { RepositoryInventory } from "../../../src/model/inventory/repository-inventory.js";
import { scanModuleExports } from "../../../src/model/inventory/scan-module-exports.js";

/** Text that looks a little like lockfiles and sources: their punctuation, keywords and line breaks. */
const lockfileLikeText = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        "[[package]]\n",
        'name = "',
        "version = ",
        "dependencies = [\n",
        "]\n",
        "{",
        "}",
        '"',
        "require (\n",
        ")\n",
        "export ",
        "export {",
        "pub fn ",
        "__all__ = [",
        "  version ",
        "node_modules/",
        "importers:\n  .:\n",
        "@",
        ":\n",
        "\r\n",
        "\\",
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

const LOCKFILE_NAMES = [...LOCKFILE_KINDS.keys(), "requirements.txt"];
const SOURCE_NAMES = ["a.ts", "a.js", "a.py", "a.go", "a.rs"];

describe("inventory parsers on arbitrary text", () => {
  it("never throw, and every dependency they return has a name and a version", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCKFILE_NAMES), lockfileLikeText, (file, text) => {
        const reading = readLockfile(file, text);
        for (const dependency of reading?.dependencies ?? []) {
          expect(dependency.name.length).toBeGreaterThan(0);
          expect(dependency.version.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("scanners, manifest readers and the test command choice never throw", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOURCE_NAMES), lockfileLikeText, (file, text) => {
        const scanned = scanModuleExports(file, text);
        expect(scanned?.path).toBe(file);
        manifestDependencyNames("package.json", text);
        manifestDependencyNames("pyproject.toml", text);
        manifestDependencyNames("Pipfile", text);
        chooseTestCommand({
          rootFiles: ["package.json", "Makefile", "pyproject.toml"],
          texts: new Map([
            ["package.json", text],
            ["Makefile", text],
            ["pyproject.toml", text],
          ]),
          pythonTestFiles: [],
        });
      }),
      { numRuns: 400 },
    );
  });

  it("the repository map never passes its limit", () => {
    const path = fc
      .array(fc.constantFrom("src", "lib", "a", "b", "deep", "x.ts", "y.py"), { minLength: 1, maxLength: 5 })
      .map((parts) => parts.join("/"));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ path, bytes: fc.nat(10_000_000) }), {
          selector: (file) => file.path,
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: 2_000 }),
        (files, maxChars) => {
          expect(renderRepositoryMap(files, { maxChars }).text.length).toBeLessThanOrEqual(maxChars);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a cut inventory is the first lines of the full one, within the budget", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
    const inventory: fc.Arbitrary<RepositoryInventory> = fc.record({
      lockfiles: fc.array(
        fc.record({
          file: fc.constantFrom("package-lock.json", "web/yarn.lock", "uv.lock"),
          manager: fc.constantFrom("npm", "Yarn", "uv"),
          dependencies: fc.array(
            fc.record({
              name,
              version: fc.stringMatching(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/),
              ecosystem: fc.constant("npm" as const),
              direct: fc.boolean(),
              dev: fc.boolean(),
            }),
            { maxLength: 8 },
          ),
        }),
        { maxLength: 3 },
      ),
      modules: fc.array(
        fc.record({
          path: fc.tuple(fc.constantFrom("src", "src/a", "lib"), name).map(([folder, file]) => `${folder}/${file}.ts`),
          exports: fc.array(fc.record({ name, kind: fc.constantFrom("function" as const, "class" as const) }), {
            maxLength: 5,
          }),
          reExportsFrom: fc.constant([]),
          cut: fc.boolean(),
        }),
        { maxLength: 12 },
      ),
      filesSeen: fc.nat(100),
      filesScanned: fc.nat(100),
      notes: fc.array(fc.string({ maxLength: 30 }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(inventory, fc.integer({ min: 0, max: 1_500 }), (value, maxChars) => {
        const full = renderInventory(value, { maxChars: 1_000_000 }).text;
        const rendered = renderInventory(value, { maxChars });
        expect(rendered.text.length).toBeLessThanOrEqual(maxChars);
        if (!rendered.cut) {
          expect(rendered.text).toBe(full);
          return;
        }
        const kept = rendered.text.split("\n").slice(0, -1);
        if (kept.length > 0) expect(full.startsWith(`${kept.join("\n")}\n`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
