import { describe, expect, it } from "vitest";
import { manifestDependencyNames } from "../../../src/model/inventory/manifest-dependency-names.js";
import { readLockfile } from "../../../src/model/inventory/read-lockfile.js";
import {
  EXISTING_MODULES_HEADING,
  fitLines,
  INSTALLED_DEPENDENCIES_HEADING,
  renderInventory,
} from "../../../src/model/inventory/render-inventory.js";
import type { RepositoryInventory } from "../../../src/model/inventory/repository-inventory.js";

const INVENTORY: RepositoryInventory = {
  lockfiles: [
    {
      file: "package-lock.json",
      manager: "npm",
      dependencies: [
        { name: "express", version: "4.19.2", ecosystem: "npm", direct: true },
        { name: "accepts", version: "1.3.8", ecosystem: "npm", direct: false },
        { name: "vitest", version: "1.6.0", ecosystem: "npm", direct: true, dev: true },
      ],
    },
  ],
  modules: [
    {
      path: "src/store/redis.ts",
      exports: [{ name: "RedisStore", kind: "class" }],
      reExportsFrom: [],
      cut: false,
    },
    {
      path: "src/limiter.ts",
      exports: [
        { name: "createLimiter", kind: "function" },
        { name: "LimiterOptions", kind: "interface" },
      ],
      reExportsFrom: ["./store/redis.js"],
      cut: true,
    },
  ],
  testCommand: { command: "npm test", source: "package.json scripts.test" },
  filesSeen: 10,
  filesScanned: 2,
  notes: [],
};

describe("renderInventory", () => {
  it("writes the dependencies with installed versions, the test command and the modules by folder", () => {
    const rendered = renderInventory(INVENTORY, { maxChars: 10_000 });
    expect(rendered.cut).toBe(false);
    expect(rendered.text).toBe(
      [
        INSTALLED_DEPENDENCIES_HEADING,
        "",
        "`package-lock.json` (npm), 3 packages:",
        "- Direct: express 4.19.2",
        "- Direct, development: vitest 1.6.0",
        "- Transitive: 1 more package, installed as dependencies of the above.",
        "",
        "Test command: `npm test`, from package.json scripts.test.",
        "",
        EXISTING_MODULES_HEADING,
        "",
        "- `src/`",
        "  - limiter.ts: createLimiter(), interface LimiterOptions, everything from ./store/redis.js, …",
        "- `src/store/`",
        "  - redis.ts: class RedisStore",
      ].join("\n"),
    );
  });

  it("says when nothing is known, and shows the notes", () => {
    const empty: RepositoryInventory = { lockfiles: [], modules: [], filesSeen: 0, filesScanned: 0, notes: ["a cap"] };
    const text = renderInventory(empty, { maxChars: 10_000 }).text;
    expect(text).toContain("No lockfile found");
    expect(text).toContain("No source files with exports found.");
    expect(text.startsWith("_Note: a cap_\n\n## Installed dependencies")).toBe(true);
  });

  it("cuts whole lines at the limit and says how many were left out", () => {
    const full = renderInventory(INVENTORY, { maxChars: 10_000 }).text;
    const rendered = renderInventory(INVENTORY, { maxChars: 300 });
    expect(rendered.cut).toBe(true);
    expect(rendered.text.length).toBeLessThanOrEqual(300);
    expect(rendered.text).toMatch(/_… cut: \d+ more lines left out to stay within 300 characters._$/);
    const kept = rendered.text.split("\n").slice(0, -1);
    expect(full.startsWith(kept.join("\n"))).toBe(true);
  });
});

describe("fitLines", () => {
  it("returns the note alone, shortened, when the limit is tiny", () => {
    const fitted = fitLines(["a".repeat(50)], 20, "lines");
    expect(fitted.cut).toBe(true);
    expect(fitted.text.length).toBeLessThanOrEqual(20);
  });
});

describe("readLockfile", () => {
  it("takes direct dependencies from the manifest when the lockfile does not say", () => {
    const names = manifestDependencyNames(
      "package.json",
      JSON.stringify({ dependencies: { lodash: "^4" }, devDependencies: { jest: "^29" } }),
    );
    const reading = readLockfile("web/yarn.lock", 'lodash@^4:\n  version "4.17.21"\nms@2:\n  version "2.1.3"\n', names);
    expect(reading).toEqual({
      file: "web/yarn.lock",
      manager: "Yarn",
      dependencies: [
        { name: "lodash", version: "4.17.21", ecosystem: "npm", direct: true },
        { name: "ms", version: "2.1.3", ecosystem: "npm", direct: false },
      ],
    });
  });

  it("reads requirements files by name and nothing else", () => {
    expect(readLockfile("requirements-dev.txt", "pytest==8.2.0\n")?.manager).toBe("pip");
    expect(readLockfile("requirements/base.txt", "django==5.0\n")?.dependencies).toHaveLength(1);
    expect(readLockfile("notes.txt", "pytest==8.2.0\n")).toBeUndefined();
  });

  it("reads dependency names from pyproject (PEP 621 and Poetry) and Pipfile", () => {
    const pyproject = [
      "[project]",
      'name = "svc"',
      "dependencies = [",
      '    "FastAPI[all]>=0.110",',
      '    "httpx",',
      "]",
      "[project.optional-dependencies]",
      'redis = ["redis>=5"]',
      "[tool.poetry.dependencies]",
      'python = "^3.11"',
      'Django = "^5.0"',
      "[tool.poetry.group.dev.dependencies]",
      'pytest = "^8"',
    ].join("\n");
    expect([...(manifestDependencyNames("pyproject.toml", pyproject) ?? [])].sort()).toEqual([
      "django",
      "fastapi",
      "httpx",
      "pytest",
      "redis",
    ]);
    const pipfile = '[packages]\nrequests = "*"\n[dev-packages]\nblack = "*"\n[requires]\npython_version = "3.12"\n';
    expect([...(manifestDependencyNames("Pipfile", pipfile) ?? [])].sort()).toEqual(["black", "requests"]);
  });
});
