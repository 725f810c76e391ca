import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseTestCommand } from "../../../src/model/inventory/choose-test-command.js";
import { manifestDependencyNames } from "../../../src/model/inventory/manifest-dependency-names.js";
import { LOCKFILE_KINDS, readLockfile } from "../../../src/model/inventory/read-lockfile.js";
import { renderRepositoryMap } from "../../../src/model/inventory/render-repository-map.js";
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
});
