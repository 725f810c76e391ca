import type { FakeReply } from "./fake-openai-server.js";
import { createGitRepository, TINY_PROJECT } from "./git-repository.js";

/** The calculator spec's plan with the shapes a run must handle: a parent, an optional task, a checkpoint. */
export const RUNNER_TASKS = `# Implementation Plan

- [ ] 1. Calculator operations
  - [ ] 1.1 Add subtract to src/calculator.js with a test
    - _Requirements: 1.1_
  - [ ] 1.2 Add multiply to src/calculator.js with a test
    - _Requirements: 2.1_
- [ ]* 2. Document the calculator in README.md
  - _Requirements: 1.1_
- [ ] 3. Checkpoint - make sure all tests pass
`;

/**
 * G's tiny project (a real `node --test` suite, spec `calculator`) in a fresh git repository, with the plan
 * above and settings that verify with `node --test` (faster than npm and the same proof).
 */
export async function createRunnerProject(root: string, settings: Record<string, unknown> = {}): Promise<void> {
  await createGitRepository(root, {
    files: {
      ...TINY_PROJECT,
      ".kiro/specs/calculator/tasks.md": RUNNER_TASKS,
      ".kiro/settings/specwright.json": `${JSON.stringify({ verify: { command: "node --test" }, ...settings }, null, 2)}\n`,
    },
  });
}

/** src/calculator.js with subtract (wrong when `broken`), and a test file for it. */
export function subtractFiles(broken = false): { module: string; test: string } {
  return {
    module: [
      "export function add(left, right) {",
      "  return left + right;",
      "}",
      "",
      "export function subtract(left, right) {",
      `  return left ${broken ? "+" : "-"} right;`,
      "}",
      "",
    ].join("\n"),
    test: [
      'import assert from "node:assert/strict";',
      'import { test } from "node:test";',
      'import { subtract } from "../src/calculator.js";',
      "",
      'test("subtract", () => {',
      "  assert.equal(subtract(5, 3), 2);",
      "});",
      "",
    ].join("\n"),
  };
}

/** The fake server's reply that writes subtract and its test through two `write_file` tool calls. */
export function writeSubtractReply(): FakeReply {
  const files = subtractFiles();
  return {
    toolCalls: [
      { name: "write_file", arguments: { path: "src/calculator.js", content: files.module } },
      { name: "write_file", arguments: { path: "test/subtract.test.js", content: files.test } },
    ],
  };
}
