import { describe, expect, it } from "vitest";
import {
  isTestConfigurationFile,
  isTestFile,
  runControlKind,
} from "../../../src/engine/verification-integrity/test-file-kinds.js";

describe("isTestFile", () => {
  it.each([
    "test/calculator.test.js",
    "src/app.spec.ts",
    "src/__tests__/app.tsx",
    "tests/helpers.mjs",
    "tests/test_app.py",
    "app/app_test.py",
    "test_app.py",
    "calc/calc_test.go",
    "tests/integration.rs",
  ])("%s is a test file", (path) => expect(isTestFile(path)).toBe(true));

  it.each(["src/app.ts", "src/testing.py", "calc/calc.go", "src/lib.rs", "node_modules/x/test/a.js", "README.md"])(
    "%s is not",
    (path) => expect(isTestFile(path)).toBe(false),
  );
});

describe("isTestConfigurationFile", () => {
  it.each([
    "vitest.config.ts",
    "jest.config.js",
    "pytest.ini",
    "conftest.py",
    "package.json",
    "pyproject.toml",
    "Cargo.toml",
    ".mocharc.json",
  ])("%s may configure the tests", (path) => expect(isTestConfigurationFile(path)).toBe(true));
  it("src/config.ts does not", () => expect(isTestConfigurationFile("src/config.ts")).toBe(false));
});

describe("runControlKind", () => {
  it("tells settings, steering and hooks under the workspace's .kiro/", () => {
    expect(runControlKind(".kiro/settings/specwright.json")).toBe("settings");
    expect(runControlKind("sub/.kiro/steering/tech.md", "sub/")).toBe("steering");
    expect(runControlKind(".kiro/hooks/x.kiro.hook")).toBe("hooks");
    expect(runControlKind(".kiro/specs/a/requirements.md")).toBeUndefined();
  });
});
