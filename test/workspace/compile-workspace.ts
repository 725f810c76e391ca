import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { runNode } from "../helpers/child-process.js";
import { createTempDirectory, removeTempDirectory } from "../helpers/temp-dir.js";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Compiles `src/workspace/` alone into `outDirectory` and returns the path of its compiled `index.js`,
 * for tests that run the code in separate Node processes (Node 20 cannot import .ts). Compiling the
 * current source, instead of importing `dist/`, means the processes never run a stale build, and work in
 * progress elsewhere in `src/` cannot break these tests.
 */
export async function compileWorkspace(outDirectory: string): Promise<string> {
  await mkdir(outDirectory, { recursive: true });
  const configPath = join(outDirectory, "tsconfig.json");
  const config = {
    extends: join(repositoryRoot, "tsconfig.json"),
    compilerOptions: {
      rootDir: join(repositoryRoot, "src", "workspace"),
      outDir: join(outDirectory, "workspace"),
      declaration: false,
      sourceMap: false,
    },
    include: [join(repositoryRoot, "src", "workspace", "**", "*.ts")],
  };
  await writeFile(configPath, JSON.stringify(config, null, 2));
  // The compiled files are ES modules; without this, Node would load them from the temp folder as CommonJS.
  await writeFile(join(outDirectory, "package.json"), JSON.stringify({ type: "module" }));
  // Bare imports (zod) in the compiled code resolve through this link to the project's dependencies.
  await symlink(join(repositoryRoot, "node_modules"), join(outDirectory, "node_modules"), "junction");
  const compiler = join(repositoryRoot, "node_modules", "typescript", "bin", "tsc");
  const result = await runNode([compiler, "-p", configPath]);
  if (result.code !== 0) {
    throw new Error(`compiling src/workspace failed:\n${result.stdout}${result.stderr}`);
  }
  return join(outDirectory, "workspace", "index.js");
}

/**
 * For a test file whose tests run workers in separate processes: a temp folder shared by the file's tests,
 * with `src/workspace/` compiled into it once. Returns getters (the values exist once `beforeAll` ran).
 */
export function useCompiledWorkspace(): { readonly directory: () => string; readonly compiled: () => string } {
  let directory = "";
  let compiled = "";
  beforeAll(async () => {
    directory = await createTempDirectory();
    compiled = await compileWorkspace(join(directory, "compiled"));
  });
  afterAll(async () => {
    if (directory !== "") await removeTempDirectory(directory);
  });
  return { directory: () => directory, compiled: () => compiled };
}
