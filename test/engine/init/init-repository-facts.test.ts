import { describe, expect, it } from "vitest";
import { gatherRepositoryFacts } from "../../../src/engine/repository-facts/repository-facts.js";
import {
  parseGoMod,
  parsePackageJson,
  readTomlTable,
} from "../../../src/engine/repository-facts/repository-facts-manifests.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

describe("repository facts", () => {
  const directory = useTempDirectory();

  it("reads a Node project: name, description, scripts, lockfile, languages and folders", async () => {
    await writeTree(directory(), {
      "package.json": JSON.stringify({
        name: "acme-api",
        description: "Orders and webhooks",
        scripts: { build: "tsc -b", test: "vitest run" },
      }),
      "pnpm-lock.yaml": "lockfileVersion: 9\n",
      "src/index.ts": "",
      "src/server/routes.ts": "",
      "src/server/view.tsx": "",
      "scripts/release.sh": "",
      "docs/guide.md": "",
      "node_modules/left-pad/index.js": "",
      "dist/index.js": "",
      ".cache/x.py": "",
      ".github/workflows/ci.yml": "",
    });
    const facts = await gatherRepositoryFacts(directory());
    expect(facts).toEqual({
      name: "acme-api",
      description: "Orders and webhooks",
      manifests: ["package.json"],
      languages: [
        { name: "TypeScript", files: 3 },
        { name: "Shell", files: 1 },
      ],
      packageManagers: [{ name: "pnpm", evidence: "pnpm-lock.yaml" }],
      commands: [
        { command: "pnpm run build", runs: "tsc -b" },
        { command: "pnpm run test", runs: "vitest run" },
      ],
      topLevelFolders: ["docs", "scripts", "src"],
    });
  });

  it("prefers package.json's packageManager field and falls back to npm for scripts", async () => {
    await writeTree(directory(), {
      "package.json": JSON.stringify({ name: "a", packageManager: "yarn@4.1.0", scripts: { lint: "eslint ." } }),
    });
    const declared = await gatherRepositoryFacts(directory());
    expect(declared.packageManagers).toEqual([{ name: "Yarn", evidence: "package.json packageManager" }]);
    expect(declared.commands).toEqual([{ command: "yarn run lint", runs: "eslint ." }]);
    await writeTree(directory(), { "package.json": JSON.stringify({ scripts: { lint: "eslint ." } }) });
    const bare = await gatherRepositoryFacts(directory());
    expect(bare.packageManagers).toEqual([{ name: "npm", evidence: "package.json" }]);
    expect(bare.commands).toEqual([{ command: "npm run lint", runs: "eslint ." }]);
  });

  it("reads a Rust crate from Cargo.toml and Cargo.lock, with cargo's usual commands", async () => {
    await writeTree(directory(), {
      "Cargo.toml":
        '[package]\nname = "ferris"  # the crate\ndescription = "A \\"crab\\" tool"\n\n[dependencies]\nname = "not this"\n',
      "Cargo.lock": "",
      "src/main.rs": "",
      "target/debug/build.rs": "",
    });
    const facts = await gatherRepositoryFacts(directory());
    expect(facts).toMatchObject({
      name: "ferris",
      description: 'A "crab" tool',
      manifests: ["Cargo.toml"],
      languages: [{ name: "Rust", files: 1 }],
      packageManagers: [{ name: "Cargo", evidence: "Cargo.lock" }],
      commands: [{ command: "cargo build" }, { command: "cargo test" }],
      topLevelFolders: ["src"],
    });
  });

  it("reads Python and Go manifests", async () => {
    await writeTree(directory(), {
      "pyproject.toml": "[build-system]\nrequires = ['hatchling']\n[project]\nname = 'snake'\ndescription = 'Hisses'\n",
      "uv.lock": "",
      "snake/__init__.py": "",
      "snake/__pycache__/x.py": "",
    });
    expect(await gatherRepositoryFacts(directory())).toMatchObject({
      name: "snake",
      description: "Hisses",
      languages: [{ name: "Python", files: 1 }],
      packageManagers: [{ name: "uv", evidence: "uv.lock" }],
    });
    expect(parseGoMod("// comment\nmodule github.com/acme/tool\n\ngo 1.22\n")).toEqual({
      name: "github.com/acme/tool",
    });
    expect(readTomlTable('[tool.poetry]\nname = "poet"\n', ["project", "tool.poetry"])).toEqual({ name: "poet" });
  });

  it("falls back to the folder name and reports nothing it cannot see", async () => {
    await writeTree(directory(), { "package.json": "{ not json", "README.md": "# hi\n" });
    const facts = await gatherRepositoryFacts(directory());
    expect(facts.name).toBe(directory().split(/[\\/]/).at(-1));
    expect(facts.description).toBeUndefined();
    expect(facts.languages).toEqual([]);
    expect(facts.commands).toEqual([]);
    expect(parsePackageJson("[1, 2]")).toEqual({});
    expect(parsePackageJson('{"name": "  ", "scripts": {"a": 1, "b": "ok"}}')).toEqual({ scripts: [["b", "ok"]] });
  });
});
