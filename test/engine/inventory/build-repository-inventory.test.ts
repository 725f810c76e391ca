import { describe, expect, it } from "vitest";
import { buildRepositoryInventory } from "../../../src/engine/inventory/build-repository-inventory.js";
import { buildRepositoryMap } from "../../../src/engine/inventory/build-repository-map.js";
import { renderInventory } from "../../../src/model/inventory/render-inventory.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

/** A small Express service with a Python tool beside it: two ecosystems, a lockfile each. */
const PROJECT = {
  "package.json": JSON.stringify({
    name: "api",
    scripts: { test: "vitest run" },
    dependencies: { express: "^4.19.0" },
    devDependencies: { vitest: "^1.6.0" },
  }),
  "yarn.lock":
    'express@^4.19.0:\n  version "4.19.2"\n\naccepts@~1.3.8:\n  version "1.3.8"\n\nvitest@^1.6.0:\n  version "1.6.0"\n',
  "src/app.ts": "export function createApp() {}\nexport interface AppOptions {}\n",
  "src/limits/rate-limit.ts": "export class RateLimiter {}\n",
  "src/app.test.ts": "export const notReusable = 1;\n",
  "src/internal.ts": "const hidden = 1;\n",
  "tools/report/requirements.txt": "pandas==2.2.2\nrequests>=2\n",
  "tools/report/report.py": "def build_report():\n    pass\n",
  "node_modules/express/index.js": "module.exports = {};\n",
  ".gitignore": "coverage/\n",
  "coverage/lcov.ts": "export const ignored = 1;\n",
  "test/fixtures/sample/package-lock.json": JSON.stringify({
    lockfileVersion: 1,
    dependencies: { left: { version: "1.0.0" } },
  }),
};

describe("buildRepositoryInventory", () => {
  const temp = useTempDirectory();

  it("lists installed versions with direct ones from the manifest, exports, and the test command", async () => {
    await writeTree(temp(), PROJECT);
    const inventory = await buildRepositoryInventory({ root: temp() });
    expect(inventory.lockfiles).toEqual([
      {
        file: "tools/report/requirements.txt",
        manager: "pip",
        dependencies: [{ name: "pandas", version: "2.2.2", ecosystem: "python" }],
      },
      {
        file: "yarn.lock",
        manager: "Yarn",
        dependencies: [
          { name: "express", version: "4.19.2", ecosystem: "npm", direct: true },
          { name: "accepts", version: "1.3.8", ecosystem: "npm", direct: false },
          { name: "vitest", version: "1.6.0", ecosystem: "npm", direct: true },
        ],
      },
    ]);
    expect(inventory.modules.map((module) => module.path)).toEqual([
      "src/app.ts",
      "src/limits/rate-limit.ts",
      "tools/report/report.py",
    ]);
    expect(inventory.testCommand).toEqual({ command: "yarn test", source: "package.json scripts.test (yarn.lock)" });
    expect(inventory.notes).toEqual([]);
    const text = renderInventory(inventory, { maxChars: 5_000 }).text;
    expect(text).toContain("- Direct: express 4.19.2, vitest 1.6.0");
    expect(text).toContain("  - rate-limit.ts: class RateLimiter");
    expect(text).not.toContain("notReusable");
  });

  it("stops reading sources at the character budget and notes it", async () => {
    await writeTree(temp(), PROJECT);
    const inventory = await buildRepositoryInventory({ root: temp(), maxChars: 70 });
    expect(inventory.modules.length).toBeLessThan(3);
    expect(inventory.notes.join(" ")).toMatch(/source files were not read: the character budget was reached/);
  });

  it("notes a walk cut short by maxFiles", async () => {
    await writeTree(temp(), PROJECT);
    const inventory = await buildRepositoryInventory({ root: temp(), maxFiles: 2 });
    expect(inventory.filesSeen).toBe(2);
    expect(inventory.notes[0]).toMatch(/the walk stopped at 2 files/);
  });
});

describe("buildRepositoryMap", () => {
  const temp = useTempDirectory();

  it("maps the files the walk keeps, with exports, within the limit", async () => {
    await writeTree(temp(), PROJECT);
    const map = await buildRepositoryMap({ root: temp(), maxChars: 10_000 });
    expect(map.cut).toBe(false);
    expect(map.text).toContain("  app.ts (");
    expect(map.text).toContain("createApp(), interface AppOptions");
    expect(map.text).not.toContain("node_modules");
    expect(map.text).not.toContain("coverage");
    const small = await buildRepositoryMap({ root: temp(), maxChars: 80 });
    expect(small.text.length).toBeLessThanOrEqual(80);
  });
});
