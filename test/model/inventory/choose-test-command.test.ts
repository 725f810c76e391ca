import { describe, expect, it } from "vitest";
import { chooseTestCommand, type TestCommandEvidence } from "../../../src/model/inventory/choose-test-command.js";

function evidence(
  rootFiles: string[],
  texts: Record<string, string> = {},
  extra: Partial<TestCommandEvidence> = {},
): TestCommandEvidence {
  return { rootFiles, texts: new Map(Object.entries(texts)), pythonTestFiles: [], ...extra };
}

const packageJson = (test: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: "app", scripts: { build: "tsc", test }, ...extra });

describe("chooseTestCommand", () => {
  it("prefers verify.command from the settings over everything the files say", () => {
    const found = chooseTestCommand(
      evidence(
        ["package.json", "go.mod"],
        { "package.json": packageJson("vitest run") },
        { settingsCommand: " make check " },
      ),
    );
    expect(found).toEqual({ command: "make check", source: ".kiro/settings/specwright.json verify.command" });
  });

  it.each([
    ["pnpm-lock.yaml", "pnpm test"],
    ["yarn.lock", "yarn test"],
    ["bun.lockb", "bun run test"],
    ["bun.lock", "bun run test"],
    ["package-lock.json", "npm test"],
  ])("runs the test script with the manager %s names", (lockfile, command) => {
    const found = chooseTestCommand(
      evidence(["package.json", lockfile], { "package.json": packageJson("vitest run") }),
    );
    expect(found).toEqual({ command, source: `package.json scripts.test (${lockfile})` });
  });

  it("falls back to the packageManager field, then to npm, when no lockfile is there", () => {
    const declared = packageJson("jest", { packageManager: "pnpm@9.1.0" });
    expect(chooseTestCommand(evidence(["package.json"], { "package.json": declared }))?.command).toBe("pnpm test");
    expect(chooseTestCommand(evidence(["package.json"], { "package.json": packageJson("jest") }))).toEqual({
      command: "npm test",
      source: "package.json scripts.test",
    });
  });

  it("skips npm's placeholder test script and a package.json that is not JSON", () => {
    const placeholder = packageJson('echo "Error: no test specified" && exit 1');
    expect(chooseTestCommand(evidence(["package.json"], { "package.json": placeholder }))).toBeUndefined();
    expect(chooseTestCommand(evidence(["package.json", "go.mod"], { "package.json": "{ not json" }))?.command).toBe(
      "go test ./...",
    );
  });

  it("finds pytest in pyproject, pytest.ini, setup.cfg, tox.ini or a tests folder", () => {
    const pyproject = '[project]\nname = "svc"\n\n[tool.pytest.ini_options]\naddopts = "-q"\n';
    expect(chooseTestCommand(evidence(["pyproject.toml"], { "pyproject.toml": pyproject }))).toEqual({
      command: "python -m pytest",
      source: "pyproject.toml [tool.pytest]",
    });
    expect(chooseTestCommand(evidence(["pytest.ini"]))?.source).toBe("pytest.ini");
    expect(
      chooseTestCommand(evidence(["setup.cfg"], { "setup.cfg": "[metadata]\nname=x\n[tool:pytest]\n" }))?.source,
    ).toBe("setup.cfg [tool:pytest]");
    expect(chooseTestCommand(evidence(["tox.ini"], { "tox.ini": "[tox]\nenvlist = py312\n[pytest]\n" }))?.source).toBe(
      "tox.ini [pytest]",
    );
    const folder = evidence([], {}, { pythonTestFiles: ["tests/__init__.py", "tests/unit/test_parser.py"] });
    expect(chooseTestCommand(folder)).toEqual({ command: "python -m pytest", source: "tests/unit/test_parser.py" });
  });

  it("does not call a pyproject without pytest configuration, or a tests folder without test files, pytest", () => {
    const pyproject = '[project]\nname = "svc"\n# [tool.pytest] is not configured here\n';
    const files = evidence(
      ["pyproject.toml"],
      { "pyproject.toml": pyproject },
      { pythonTestFiles: ["tests/helpers.py"] },
    );
    expect(chooseTestCommand(files)).toBeUndefined();
  });

  it("runs pytest through uv or poetry when their lockfile is there", () => {
    expect(chooseTestCommand(evidence(["pytest.ini", "uv.lock"]))).toEqual({
      command: "uv run pytest",
      source: "pytest.ini (uv.lock)",
    });
    expect(chooseTestCommand(evidence(["pytest.ini", "poetry.lock"]))?.command).toBe("poetry run pytest");
  });

  it("knows go, cargo, make, gradle and maven, in that order", () => {
    expect(chooseTestCommand(evidence(["go.mod", "Makefile"], { Makefile: "test:\n\tgo test ./...\n" }))?.command).toBe(
      "go test ./...",
    );
    expect(chooseTestCommand(evidence(["Cargo.toml", "Cargo.lock"]))).toEqual({
      command: "cargo test",
      source: "Cargo.toml",
    });
    expect(
      chooseTestCommand(evidence(["Makefile"], { Makefile: "build:\n\tcc main.c\n\ntest: build\n\t./run\n" })),
    ).toEqual({
      command: "make test",
      source: "Makefile test target",
    });
    expect(chooseTestCommand(evidence(["gradlew", "build.gradle.kts"]))?.command).toBe("./gradlew test");
    expect(chooseTestCommand(evidence(["build.gradle"]))?.command).toBe("gradle test");
    expect(chooseTestCommand(evidence(["pom.xml", "mvnw"]))?.command).toBe("./mvnw test");
    expect(chooseTestCommand(evidence(["pom.xml"]))?.command).toBe("mvn test");
  });

  it("does not take a Makefile variable named test for a target", () => {
    const makefile = "test := unit\ntest ::= other\ntesting:\n\techo\n";
    expect(chooseTestCommand(evidence(["Makefile"], { Makefile: makefile }))).toBeUndefined();
  });

  it("says nothing for an empty folder", () => {
    expect(chooseTestCommand(evidence([]))).toBeUndefined();
  });
});
