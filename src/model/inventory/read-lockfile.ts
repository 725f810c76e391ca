import type { InstalledDependency, LockfileReading } from "./installed-dependency.js";
import { parseCargoLock, parseGoModRequires } from "./parse-go-and-cargo.js";
import { parsePackageLock } from "./parse-package-lock.js";
import { parsePnpmLock } from "./parse-pnpm-lock.js";
import { parsePipfileLock, parsePoetryLock, parseRequirementsTxt, parseUvLock } from "./parse-python-locks.js";
import { parseYarnLock } from "./parse-yarn-lock.js";

interface LockfileKind {
  readonly manager: string;
  readonly parse: (text: string) => InstalledDependency[];
  /** The manifest that names the direct dependencies when the lockfile does not. */
  readonly manifest?: string;
}

/** Lockfiles by name, in the order a repository's are reported. */
export const LOCKFILE_KINDS: ReadonlyMap<string, LockfileKind> = new Map([
  ["package-lock.json", { manager: "npm", parse: parsePackageLock, manifest: "package.json" }],
  ["npm-shrinkwrap.json", { manager: "npm", parse: parsePackageLock, manifest: "package.json" }],
  ["pnpm-lock.yaml", { manager: "pnpm", parse: parsePnpmLock, manifest: "package.json" }],
  ["yarn.lock", { manager: "Yarn", parse: parseYarnLock, manifest: "package.json" }],
  ["poetry.lock", { manager: "Poetry", parse: parsePoetryLock, manifest: "pyproject.toml" }],
  ["uv.lock", { manager: "uv", parse: parseUvLock, manifest: "pyproject.toml" }],
  ["Pipfile.lock", { manager: "Pipenv", parse: parsePipfileLock, manifest: "Pipfile" }],
  ["go.mod", { manager: "Go modules", parse: parseGoModRequires }],
  ["Cargo.lock", { manager: "Cargo", parse: parseCargoLock }],
]);

/** `requirements.txt`, `requirements-dev.txt`, `requirements/base.txt` and the like. */
export function isRequirementsFile(path: string): boolean {
  return /(?:^|\/)requirements[^/]*\.txt$/i.test(path) || /(?:^|\/)requirements\/[^/]+\.txt$/i.test(path);
}

/** The manifest a lockfile's direct dependencies are read from, when the lockfile itself does not say. */
export function manifestOfLockfile(path: string): string | undefined {
  return LOCKFILE_KINDS.get(baseName(path))?.manifest;
}

/**
 * What the lockfile at `path` (relative) pins, or undefined when `path` is not a lockfile Specwright reads.
 * `manifestNames` (from `manifestDependencyNames`) decides `direct` where the lockfile leaves it unknown.
 */
export function readLockfile(
  path: string,
  text: string,
  manifestNames?: ReadonlySet<string>,
): LockfileReading | undefined {
  const kind = isRequirementsFile(path)
    ? { manager: "pip", parse: parseRequirementsTxt }
    : LOCKFILE_KINDS.get(baseName(path));
  if (kind === undefined) return undefined;
  const dependencies = kind
    .parse(text)
    .map((dependency) =>
      dependency.direct === undefined && manifestNames !== undefined
        ? { ...dependency, direct: manifestNames.has(dependency.name) }
        : dependency,
    );
  return { file: path, manager: kind.manager, dependencies };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
