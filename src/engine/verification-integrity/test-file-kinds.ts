import { TEST_COMMAND_TEXT_FILES } from "../../model/inventory/choose-test-command.js";

/**
 * Which files verification rests on, told by their conventional names: test files (JavaScript and
 * TypeScript, Python, Go, Rust), the test runners' configuration files, and the workspace files that
 * steer the run itself (settings, steering, hooks, prompts). Paths are `/`-separated, relative to the
 * repository's top folder.
 */

const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/** A test file by its name or folder: `*.test.ts`, `*.spec.js`, `__tests__/`, `test/`, `tests/`, `test_x.py`, `x_test.go`… */
export function isTestFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const folders = path.split("/").slice(0, -1);
  if (folders.some((folder) => folder === "node_modules" || folder === ".git")) return false;
  const inTestFolder = folders.some((folder) => folder === "test" || folder === "tests" || folder === "__tests__");
  if (SCRIPT_EXTENSION.test(name)) {
    return /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(name) || inTestFolder;
  }
  if (name.endsWith(".py")) return /^test_.*\.py$/.test(name) || /_test\.py$/.test(name) || inTestFolder;
  if (name.endsWith(".go")) return name.endsWith("_test.go");
  if (name.endsWith(".rs")) return folders.at(-1) === "tests" || folders.includes("tests");
  return false;
}

/** Rust keeps unit tests inside source files: such a file counts as a test file by what it holds. */
export function holdsRustTests(path: string, content: string): boolean {
  return path.endsWith(".rs") && /#\[(?:test|cfg\(test\)|tokio::test)\]/.test(content);
}

/** Files whose every line configures a test runner. */
const WHOLE_CONFIG_FILE =
  /^(?:(?:vitest|vite|jest|playwright|cypress|karma|ava)\.(?:config|workspace)\.[cm]?[jt]s(?:on)?|vitest\.workspace\.json|jest\.config\.json|\.mocharc(?:\.[a-z]+)?|pytest\.ini|conftest\.py|\.nycrc(?:\.json)?|jest\.setup\.[cm]?[jt]s|vitest\.setup\.[cm]?[jt]s|setup-tests\.[cm]?[jt]s|setupTests\.[cm]?[jt]s|\.cargo\/config(?:\.toml)?)$/;

/** Files where only a part configures the tests (`scripts.test` of package.json, `[tool.pytest.ini_options]`…). */
const PARTIAL_CONFIG_FILE: ReadonlySet<string> = new Set([...TEST_COMMAND_TEXT_FILES, "Cargo.toml"]);

/** Whether a file is (or may hold) the test configuration; {@link testConfigurationOf} tells which part counts. */
export function isTestConfigurationFile(path: string): boolean {
  if (path.split("/").includes("node_modules")) return false;
  const name = path.slice(path.lastIndexOf("/") + 1);
  const tail = path.split("/").slice(-2).join("/");
  return WHOLE_CONFIG_FILE.test(name) || WHOLE_CONFIG_FILE.test(tail) || PARTIAL_CONFIG_FILE.has(name);
}

/** What steers the run: Specwright's settings and prompts, steering and hooks. `prefix` is where `.kiro/` sits. */
export function runControlKind(path: string, prefix = ""): "settings" | "steering" | "hooks" | undefined {
  if (!path.startsWith(`${prefix}.kiro/`)) return undefined;
  const inside = path.slice(prefix.length + ".kiro/".length);
  if (inside.startsWith("settings/")) return "settings";
  if (inside.startsWith("steering/")) return "steering";
  if (inside.startsWith("hooks/")) return "hooks";
  return undefined;
}
