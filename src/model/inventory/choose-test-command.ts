import type { DetectedCommand } from "./detected-command.js";

/** Root files whose text the choice reads; a caller passes those that exist. */
export const TEST_COMMAND_TEXT_FILES = [
  "package.json",
  "pyproject.toml",
  "setup.cfg",
  "tox.ini",
  "Makefile",
  "makefile",
  "GNUmakefile",
] as const;

/** What the choice of a test command looks at: pure data, gathered by the engine. */
export interface TestCommandEvidence {
  /** `verify.command` from `.kiro/settings/specwright.json`, when set. */
  readonly settingsCommand?: string;
  /** Names of the files directly in the repository root. */
  readonly rootFiles: readonly string[];
  /** Text of the `TEST_COMMAND_TEXT_FILES` that exist. */
  readonly texts: ReadonlyMap<string, string>;
  /** Paths of Python files under `tests/` or `test/` (any depth the caller walked). */
  readonly pythonTestFiles: readonly string[];
}

/** The script npm writes into a fresh package.json; running it only fails. */
const NPM_PLACEHOLDER_TEST = /no test specified/i;

/**
 * The command that runs the project's tests, in this order: the settings, a package.json `test` script run
 * with the package manager its lockfile names, pytest, `go test`, `cargo test`, a Makefile `test` target,
 * Gradle, Maven. Undefined when nothing says how.
 */
export function chooseTestCommand(evidence: TestCommandEvidence): DetectedCommand | undefined {
  const configured = evidence.settingsCommand?.trim();
  if (configured) return { command: configured, source: ".kiro/settings/specwright.json verify.command" };
  return (
    packageScriptCommand(evidence) ??
    pytestCommand(evidence) ??
    fixedCommand(evidence, "go.mod", "go test ./...") ??
    fixedCommand(evidence, "Cargo.toml", "cargo test") ??
    makeCommand(evidence) ??
    gradleCommand(evidence) ??
    mavenCommand(evidence)
  );
}

/** Lockfiles and the command that runs a package's `test` script with that manager. */
const PACKAGE_MANAGER_TEST_COMMAND: readonly (readonly [string, string])[] = [
  ["pnpm-lock.yaml", "pnpm test"],
  ["yarn.lock", "yarn test"],
  // `bun test` is Bun's own test runner, not the script; `bun run test` runs the script.
  ["bun.lock", "bun run test"],
  ["bun.lockb", "bun run test"],
  ["package-lock.json", "npm test"],
  ["npm-shrinkwrap.json", "npm test"],
];

const DECLARED_MANAGER_TEST_COMMAND: Readonly<Record<string, string>> = {
  npm: "npm test",
  pnpm: "pnpm test",
  yarn: "yarn test",
  bun: "bun run test",
};

function packageScriptCommand(evidence: TestCommandEvidence): DetectedCommand | undefined {
  const text = evidence.texts.get("package.json");
  if (text === undefined) return undefined;
  const manifest = parseJsonObject(text);
  const scripts = manifest?.scripts;
  if (!isRecord(scripts)) return undefined;
  const test = scripts.test;
  if (typeof test !== "string" || test.trim() === "" || NPM_PLACEHOLDER_TEST.test(test)) return undefined;
  for (const [lockfile, command] of PACKAGE_MANAGER_TEST_COMMAND) {
    if (evidence.rootFiles.includes(lockfile)) return { command, source: `package.json scripts.test (${lockfile})` };
  }
  const declared = typeof manifest?.packageManager === "string" ? manifest.packageManager : "";
  const name = declared.split("@")[0]?.trim().toLowerCase() ?? "";
  const command = Object.hasOwn(DECLARED_MANAGER_TEST_COMMAND, name) ? DECLARED_MANAGER_TEST_COMMAND[name] : undefined;
  if (command !== undefined) return { command, source: "package.json scripts.test (packageManager)" };
  return { command: "npm test", source: "package.json scripts.test" };
}

function pytestCommand(evidence: TestCommandEvidence): DetectedCommand | undefined {
  const source = pytestEvidence(evidence);
  if (source === undefined) return undefined;
  if (evidence.rootFiles.includes("uv.lock")) return { command: "uv run pytest", source: `${source} (uv.lock)` };
  if (evidence.rootFiles.includes("poetry.lock")) {
    return { command: "poetry run pytest", source: `${source} (poetry.lock)` };
  }
  return { command: "python -m pytest", source };
}

function pytestEvidence(evidence: TestCommandEvidence): string | undefined {
  if (/^\s*\[tool\.pytest(?:\.[^\]]*)?\]/m.test(evidence.texts.get("pyproject.toml") ?? "")) {
    return "pyproject.toml [tool.pytest]";
  }
  if (evidence.rootFiles.includes("pytest.ini")) return "pytest.ini";
  if (/^\s*\[tool:pytest\]/m.test(evidence.texts.get("setup.cfg") ?? "")) return "setup.cfg [tool:pytest]";
  if (/^\s*\[pytest\]/m.test(evidence.texts.get("tox.ini") ?? "")) return "tox.ini [pytest]";
  if (evidence.rootFiles.includes("conftest.py")) return "conftest.py";
  const testFile = evidence.pythonTestFiles.find((path) => /(?:^|\/)(?:test_[^/]*|[^/]*_test)\.py$/.test(path));
  return testFile === undefined ? undefined : testFile;
}

function fixedCommand(evidence: TestCommandEvidence, file: string, command: string): DetectedCommand | undefined {
  return evidence.rootFiles.includes(file) ? { command, source: file } : undefined;
}

function makeCommand(evidence: TestCommandEvidence): DetectedCommand | undefined {
  for (const file of ["GNUmakefile", "makefile", "Makefile"]) {
    const text = evidence.texts.get(file);
    // `test:` starts a rule; `test :=` or `test ::=` assigns a variable.
    if (text !== undefined && /^test\s*:(?![:=]*=)/m.test(text))
      return { command: "make test", source: `${file} test target` };
  }
  return undefined;
}

function gradleCommand(evidence: TestCommandEvidence): DetectedCommand | undefined {
  if (evidence.rootFiles.includes("gradlew")) return { command: "./gradlew test", source: "gradlew" };
  for (const file of ["build.gradle.kts", "build.gradle"]) {
    if (evidence.rootFiles.includes(file)) return { command: "gradle test", source: file };
  }
  return undefined;
}

function mavenCommand(evidence: TestCommandEvidence): DetectedCommand | undefined {
  if (!evidence.rootFiles.includes("pom.xml")) return undefined;
  if (evidence.rootFiles.includes("mvnw")) return { command: "./mvnw test", source: "pom.xml (mvnw)" };
  return { command: "mvn test", source: "pom.xml" };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
