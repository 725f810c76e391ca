import { describe, expect, it } from "vitest";
import { PathRefusedError } from "../../../src/workspace/sandbox/path-refused-error.js";
import { isSecretPath } from "../../../src/workspace/sandbox/secret-files.js";
import { isInGitDirectory, resolveWorkspacePath } from "../../../src/workspace/sandbox/workspace-path.js";

const root = "/work/project";

function refusal(requested: string): PathRefusedError {
  try {
    resolveWorkspacePath(root, requested);
  } catch (error) {
    if (error instanceof PathRefusedError) return error;
    throw error;
  }
  throw new Error(`${requested} was not refused`);
}

describe("resolveWorkspacePath", () => {
  it.each([
    ["src/index.ts", "src/index.ts"],
    ["./src/../src/index.ts", "src/index.ts"],
    ["/work/project/src/a.ts", "src/a.ts"],
    [".", ""],
    ["", ""],
  ])("%s is %s inside the root", (requested, relative) => {
    expect(resolveWorkspacePath(root, requested).relative).toBe(relative);
  });

  it.each(["../other/file", "src/../../x", "/etc/passwd", "/work/project-other/a", "/work"])(
    "refuses %s as outside the workspace",
    (requested) => {
      expect(refusal(requested).code).toBe("outside-workspace");
      expect(refusal(requested).fix).toMatch(/inside the workspace/);
    },
  );

  it("refuses a NUL character", () => {
    expect(refusal("a\0b").code).toBe("invalid-path");
  });
});

describe("isInGitDirectory", () => {
  it.each([".git", ".git/config", "sub/.git/hooks/x", ".GIT/HEAD"])("%s is in .git", (path) => {
    expect(isInGitDirectory(path)).toBe(true);
  });
  it.each([".gitignore", ".github/workflows/ci.yml", "src/git/a.ts"])("%s is not", (path) => {
    expect(isInGitDirectory(path)).toBe(false);
  });
});

describe("isSecretPath", () => {
  it.each([
    ".env",
    ".env.local",
    "config/.env.production",
    "server.pem",
    "certs/tls.key",
    "id_rsa",
    "home/.ssh/known_hosts",
    ".npmrc",
    ".pypirc",
    "keystore.p12",
    ".aws/credentials",
    "credentials.json",
    ".git/config",
    "vendor/lib/.git/config",
  ])("%s is secret", (path) => {
    expect(isSecretPath(path)).toBe(true);
  });

  it.each([
    ".env.example",
    ".env.sample",
    "id_rsa.pub",
    "src/env.ts",
    "keys.ts",
    "docs/key-concepts.md",
    "environment.md",
  ])("%s is not secret", (path) => {
    expect(isSecretPath(path)).toBe(false);
  });

  it("allowSecretReads globs let a secret-looking file through", () => {
    expect(isSecretPath(".env.test", [".env.test"])).toBe(false);
    expect(isSecretPath("fixtures/certs/test.pem", ["fixtures/**"])).toBe(false);
    expect(isSecretPath(".env", ["fixtures/**"])).toBe(true);
  });
});
