import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { hasExportScanner, isTestFileName, scanModuleExports } from "../../model/inventory/scan-module-exports.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { type RepositoryFile, walkRepositoryFiles } from "../../workspace/walk-repository-files.js";
import { EngineError } from "../errors/engine-error.js";
import { MAX_SOURCE_FILE_BYTES } from "../inventory/read-source-exports.js";
import type { CodeFacts, ModuleFact, RouteFact, TestFact, TodoFact } from "./code-facts.js";
import { resolveImport } from "./resolve-import.js";
import {
  applyMounts,
  type RouteMount,
  scanDeclarations,
  scanMounts,
  scanRelativeImports,
  scanRoutes,
  scanTodos,
  unhandledErrorHint,
} from "./scan-source-text.js";

/** Source modules read at most: an as-built spec is of a feature or a service, not a monorepo. */
export const MAX_FACT_MODULES = 200;
const MAX_WALKED_FILES = 20_000;

export interface GatherCodeFactsOptions {
  readonly root: string;
  /** Where relative paths resolve from. */
  readonly cwd: string;
  /** Files or folders, inside the root. */
  readonly paths: readonly string[];
}

/**
 * Reads the code under the paths: each source module's exports, declarations and relative imports, the
 * routes it registers, its TODO/FIXME comments and whether its errors may go unhandled; and the repository's
 * test files with the modules they import. Deterministic; reads only.
 */
export async function gatherCodeFacts(options: GatherCodeFactsOptions): Promise<CodeFacts> {
  const paths = await relativePaths(options);
  const walk = await walkRepositoryFiles(options.root, { maxFiles: MAX_WALKED_FILES });
  const known = new Set(walk.files.map((file) => file.path));
  const isUnder = (file: string) => paths.some((path) => path === "" || file === path || file.startsWith(`${path}/`));
  const readable = (file: RepositoryFile) => hasExportScanner(file.path) && file.bytes <= MAX_SOURCE_FILE_BYTES;
  const sources = walk.files.filter((file) => readable(file) && isUnder(file.path) && !isTestFile(file.path));
  const tests = walk.files.filter((file) => readable(file) && isTestFile(file.path));
  const chosen = sources.slice(0, MAX_FACT_MODULES);
  if (chosen.length === 0) throw noSourceFiles(paths);

  const modules: ModuleFact[] = [];
  const routes: RouteFact[] = [];
  const todos: TodoFact[] = [];
  const mounts: RouteMount[] = [];
  for (const file of chosen) {
    const text = await readSource(options.root, file.path);
    if (text === undefined) continue;
    const unhandled = unhandledErrorHint(text);
    modules.push({
      path: file.path,
      exports: scanModuleExports(file.path, text)?.exports ?? [],
      declarations: scanDeclarations(text),
      imports: resolvedImports(file.path, text, known),
      lines: text.split("\n").length,
      ...(unhandled !== undefined ? { unhandledErrors: unhandled } : {}),
    });
    routes.push(...scanRoutes(file.path, text));
    mounts.push(...scanMounts(text));
    todos.push(...scanTodos(file.path, text));
  }
  const modulePaths = new Set(modules.map((module) => module.path));
  const testFacts: TestFact[] = [];
  for (const file of tests) {
    const text = await readSource(options.root, file.path);
    if (text === undefined) continue;
    testFacts.push({
      path: file.path,
      covers: resolvedImports(file.path, text, known).filter((path) => modulePaths.has(path)),
    });
  }
  return {
    paths,
    modules: modules.map((module) => ({
      ...module,
      imports: module.imports.filter((path) => modulePaths.has(path)),
    })),
    routes: applyMounts(routes, mounts),
    todos,
    tests: testFacts,
    cut: walk.truncated || sources.length > chosen.length,
  };
}

/** Test files by name, or any source file under a `test`, `tests`, `__tests__` or `spec` folder. */
export function isTestFile(path: string): boolean {
  return isTestFileName(path) || /(?:^|\/)(?:test|tests|__tests__|spec)\//.test(path);
}

function resolvedImports(file: string, text: string, known: ReadonlySet<string>): string[] {
  const resolved = scanRelativeImports(text)
    .map((specifier) => resolveImport(file, specifier, known))
    .filter((path): path is string => path !== undefined && path !== file);
  return [...new Set(resolved)];
}

async function readSource(root: string, path: string): Promise<string | undefined> {
  try {
    return await readTextFile(join(root, ...path.split("/")), { maxBytes: MAX_SOURCE_FILE_BYTES });
  } catch {
    // Binary, not UTF-8 or gone since the walk: nothing to learn from it.
    return undefined;
  }
}

async function relativePaths(options: GatherCodeFactsOptions): Promise<string[]> {
  if (options.paths.length === 0) {
    throw new EngineError({
      code: "from-code-no-paths",
      kind: "usage",
      message: "--from-code needs at least one file or folder to read.",
      fix: "Name the code, e.g. specwright new users-api --from-code src/routes src/store.js",
    });
  }
  const paths: string[] = [];
  for (const path of options.paths) {
    const absolute = resolve(options.cwd, path);
    const inside = relative(options.root, absolute);
    if (inside.startsWith("..") || isAbsolute(inside)) {
      throw new EngineError({
        code: "from-code-outside",
        kind: "usage",
        message: `${path} is outside the workspace (${options.root}).`,
        fix: "Name files or folders inside the workspace, or run the command from the repository that holds them.",
      });
    }
    if (!(await pathExists(absolute))) {
      throw new EngineError({
        code: "from-code-missing-path",
        kind: "usage",
        message: `${path} does not exist.`,
        fix: "Check the spelling; paths are relative to the current folder.",
        path: absolute,
      });
    }
    paths.push(inside.split(sep).join("/"));
  }
  return paths;
}

function noSourceFiles(paths: readonly string[]): EngineError {
  return new EngineError({
    code: "from-code-no-source",
    kind: "usage",
    message: `No source file Specwright can read was found under ${paths.map((path) => path || ".").join(", ")} (tests, ignored and generated files are left out).`,
    fix: "Name the folders that hold the code (TypeScript, JavaScript, Python, Go or Rust), e.g. --from-code src",
  });
}
