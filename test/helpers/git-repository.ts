import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { writeTree } from "./temp-dir.js";

const execFileAsync = promisify(execFile);

/** A tiny project with a real test command (`node --test`), a .gitignore and one spec to run tasks of. */
export const TINY_PROJECT: Record<string, string> = {
  "package.json": `${JSON.stringify({ name: "tiny", private: true, type: "module", scripts: { test: "node --test" } }, null, 2)}\n`,
  ".gitignore": "node_modules/\n*.log\n",
  "src/calculator.js": "export function add(left, right) {\n  return left + right;\n}\n",
  "test/calculator.test.js": [
    'import assert from "node:assert/strict";',
    'import { test } from "node:test";',
    'import { add } from "../src/calculator.js";',
    "",
    'test("add", () => {',
    "  assert.equal(add(2, 3), 5);",
    "});",
    "",
  ].join("\n"),
  ".kiro/specs/calculator/.config.kiro":
    '{"specId": "9e1c7a52-4b8d-4f0e-a6c3-2d5b8f1e7a40", "workflowType": "requirements-first", "specType": "feature"}',
  ".kiro/specs/calculator/requirements.md": `# Requirements Document

## Introduction

A calculator module for the tiny project.

## Glossary

- **Calculator**: The module \`src/calculator.js\`.

## Requirements

### Requirement 1: Subtract

**User Story:** As a developer, I want to subtract two numbers, so that I can compute differences.

#### Acceptance Criteria

1. WHEN subtract is called with two numbers, THE Calculator SHALL return the first minus the second

### Requirement 2: Multiply

**User Story:** As a developer, I want to multiply two numbers, so that I can compute products.

#### Acceptance Criteria

1. WHEN multiply is called with two numbers, THE Calculator SHALL return their product
`,
  ".kiro/specs/calculator/design.md": `# Design Document

## Overview

Two more exported functions in \`src/calculator.js\`, each with a test in \`test/calculator.test.js\`.

## Correctness Properties

### Property 1: Subtract inverts add

*For any* numbers a and b, subtract(add(a, b), b) equals a.

**Validates: Requirements 1.1**
`,
  ".kiro/specs/calculator/tasks.md": `# Implementation Plan

- [ ] 1. Add subtract to src/calculator.js with a test
  - _Requirements: 1.1_
- [ ] 2. Add multiply to src/calculator.js with a test
  - _Requirements: 2.1_
`,
};

/** Runs git in `directory` (no shell) and returns its standard output; throws with git's message on failure. */
export async function git(directory: string, ...args: string[]): Promise<string> {
  const environment: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: "0" };
  for (const name of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"]) delete environment[name];
  const { stdout } = await execFileAsync("git", args, {
    cwd: directory,
    env: environment,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/**
 * Makes `directory` a git repository on branch `main` holding `files` (default: {@link TINY_PROJECT}),
 * committed unless `commit` is false. The identity is set in the repository, so no global config is needed.
 */
export async function createGitRepository(
  directory: string,
  options: { readonly files?: Record<string, string | Uint8Array>; readonly commit?: boolean } = {},
): Promise<void> {
  await git(directory, "init", "--quiet", "--initial-branch=main");
  await git(directory, "config", "user.name", "Test User");
  await git(directory, "config", "user.email", "test@example.com");
  await git(directory, "config", "core.autocrlf", "false");
  await writeTree(directory, options.files ?? TINY_PROJECT);
  if (options.commit === false) return;
  await git(directory, "add", "--all");
  await git(directory, "commit", "--quiet", "--message", "initial");
}

/** What a user sees of their repository; a checkpoint must leave every field byte-identical. */
export interface RepositoryState {
  readonly indexFileHash: string;
  readonly status: string;
  readonly staged: string;
  readonly stashList: string;
  readonly head: string;
  readonly branch: string;
  readonly refs: string;
}

/** Reads the index file's bytes first: the git commands after it do not refresh it (GIT_OPTIONAL_LOCKS=0). */
export async function repositoryState(directory: string): Promise<RepositoryState> {
  const index = await readFile(join(directory, ".git", "index")).catch(() => Buffer.alloc(0));
  const head = await git(directory, "rev-parse", "--verify", "--quiet", "HEAD").catch(() => "(no commit)");
  return {
    indexFileHash: createHash("sha256").update(index).digest("hex"),
    status: await git(directory, "status", "--porcelain=v1", "-z", "--untracked-files=all"),
    staged: await git(directory, "diff", "--cached", "--binary"),
    stashList: await git(directory, "stash", "list"),
    head,
    branch: await git(directory, "symbolic-ref", "HEAD"),
    // Only the user's refs: heads, tags, stash (Specwright's own live under refs/specwright/).
    refs: await git(
      directory,
      "for-each-ref",
      "--format=%(refname) %(objectname)",
      "refs/heads",
      "refs/tags",
      "refs/stash",
    ),
  };
}

/** One entry of a working tree as bytes on disk: a file (content and executable bit) or a symlink. */
export type TreeItem =
  | { readonly kind: "file"; readonly executable: boolean; readonly content: string }
  | { readonly kind: "symlink"; readonly target: string };

/**
 * Every file and symlink under `directory` except `.git/`, keyed by `/`-separated path, content as hex,
 * so two readings compare byte for byte with `toEqual`.
 */
export async function readWorkingTree(directory: string): Promise<Record<string, TreeItem>> {
  const items: Record<string, TreeItem> = {};
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const key = relative(directory, path).split("\\").join("/");
    if (key === ".git" || key.startsWith(".git/")) continue;
    const stats = await lstat(path);
    if (stats.isSymbolicLink()) items[key] = { kind: "symlink", target: await readlink(path) };
    else if (stats.isFile()) {
      items[key] = {
        kind: "file",
        executable: (stats.mode & 0o111) !== 0,
        content: (await readFile(path)).toString("hex"),
      };
    }
  }
  return items;
}
