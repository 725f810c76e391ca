import { codeSpan } from "./markdown-text.js";
import { placeholder } from "./placeholder.js";
import type { RepositoryFacts } from "./repository-facts.js";
import { ALWAYS_INCLUDED_FRONT_MATTER } from "./steering-front-matter.js";

/** What a top-level folder with a conventional name holds; other folders get a placeholder. */
const CONVENTIONAL_FOLDERS: Readonly<Record<string, string>> = {
  src: "source code",
  lib: "library source code",
  test: "tests",
  tests: "tests",
  __tests__: "tests",
  spec: "tests (specs)",
  docs: "documentation",
  doc: "documentation",
  scripts: "development and CI scripts",
  examples: "usage examples",
  bin: "executables",
  cmd: "main packages (one per executable)",
  internal: "packages private to this module",
  pkg: "packages other modules may import",
  packages: "the packages of the monorepo",
  apps: "the applications of the monorepo",
  public: "static files served as they are",
  static: "static files served as they are",
  assets: "images, fonts and other assets",
  migrations: "database migrations",
  benchmarks: "benchmarks",
  bench: "benchmarks",
  config: "configuration",
};

/** `.kiro/steering/structure.md`: the repository's layout as read from its top-level folders. */
export function structureSteeringTemplate(facts: RepositoryFacts): string {
  const folders = facts.topLevelFolders.map((folder) => {
    const known = Object.hasOwn(CONVENTIONAL_FOLDERS, folder) ? CONVENTIONAL_FOLDERS[folder] : undefined;
    return `- ${codeSpan(`${folder}/`)}: ${known ?? placeholder(`what the ${folder} folder holds`)}`;
  });
  return [
    ALWAYS_INCLUDED_FRONT_MATTER,
    "# Project Structure",
    "",
    "## Top-Level Folders",
    "",
    ...(folders.length > 0 ? folders : [`- ${placeholder("the main folders and what each holds")}`]),
    "",
    "## Conventions",
    "",
    `- ${placeholder("how files and modules are named and where new code goes")}`,
    `- ${placeholder("where tests live and how they are named")}`,
    "",
  ].join("\n");
}
