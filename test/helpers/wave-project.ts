import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FakeReply, FakeRequest } from "./fake-openai-server.js";
import { createGitRepository } from "./git-repository.js";

/** Six tasks in three waves: 1 and 2 (P), then 3, 4, 5 after both, then 6 after those. */
export const WAVE_TASKS = `# Implementation Plan

- [ ] 1. (P) Add module one
- [ ] 2. (P) Add module two
- [ ] 3. Add module three
  - _Depends: 1, 2_
- [ ] 4. Add module four
  - _Depends: 1, 2_
- [ ] 5. Add module five
  - _Depends: 1, 2_
- [ ] 6. Add module six
  - _Depends: 3, 4, 5_
`;

/** Two waves: 1 and 2 (P), then 3 after both. */
export const TWO_WAVE_TASKS = `# Implementation Plan

- [ ] 1. (P) Add module one
- [ ] 2. (P) Add module two
- [ ] 3. Add module three
  - _Depends: 1, 2_
`;

/** Two tasks that may run at once but both write src/shared.js: the second one's merge conflicts. */
export const CONFLICT_TASKS = `# Implementation Plan

- [ ] 1. (P) Write the shared module one way
- [ ] 2. (P) Write the shared module another way
`;

/** A git repository with `tasks` as spec `waves`, verified by `node --test` (a real test suite). */
export async function createWaveProject(
  root: string,
  tasks: string,
  settings: Record<string, unknown> = {},
  files: Record<string, string> = {},
): Promise<void> {
  await createGitRepository(root, {
    files: {
      ...files,
      "package.json": `${JSON.stringify({ name: "waves-fixture", type: "module", private: true })}\n`,
      "test/base.test.js": 'import { test } from "node:test";\n\ntest("base", () => {});\n',
      ".kiro/specs/waves/requirements.md":
        "# Requirements\n\n## Requirement 1\n\n1. WHEN asked THE SYSTEM SHALL answer.\n",
      ".kiro/specs/waves/tasks.md": tasks,
      ".kiro/settings/specwright.json": `${JSON.stringify({ verify: { command: "node --test" }, ...settings }, null, 2)}\n`,
    },
  });
}

/** The task a request is about, from the runner's opening prompt ("Implement task 2 …"). */
export function requestedTask(request: FakeRequest): string | undefined {
  const first = request.body?.messages?.find((message) => message.role === "user");
  const text = typeof first?.content === "string" ? first.content : JSON.stringify(first?.content ?? "");
  return /Implement task ([\d.]+)/.exec(text)?.[1];
}

/**
 * A scripted agent: the first turn of a task writes `files(taskId)` with write_file, the turn after the
 * tool results says it is done. `delayMs` per turn paces it like a real model.
 */
export function scriptedAgent(
  files: (taskId: string) => Record<string, string>,
  delayMs = 0,
): (request: FakeRequest) => FakeReply | undefined {
  return (request) => {
    const taskId = requestedTask(request);
    if (taskId === undefined) return undefined;
    const last = request.body?.messages?.at(-1);
    if (last?.role === "tool") return { text: `Task ${taskId} is done.`, delayMs };
    return {
      delayMs,
      toolCalls: Object.entries(files(taskId)).map(([path, content]) => ({
        name: "write_file",
        arguments: { path, content },
      })),
    };
  };
}

/** Each task its own module and test: no two tasks touch the same file. */
export function moduleFiles(taskId: string): Record<string, string> {
  return {
    [`src/module-${taskId}.js`]: `export const value${taskId} = ${taskId};\n`,
    [`test/module-${taskId}.test.js`]: [
      'import assert from "node:assert/strict";',
      'import { test } from "node:test";',
      `import { value${taskId} } from "../src/module-${taskId}.js";`,
      "",
      `test("module ${taskId}", () => assert.equal(value${taskId}, ${taskId}));`,
      "",
    ].join("\n"),
  };
}

/** Both tasks write src/shared.js, each its own way, plus a test that passes with either. */
export function sharedFiles(taskId: string): Record<string, string> {
  return {
    "src/shared.js": `export const author = "task ${taskId}";\n`,
    [`test/shared-${taskId}.test.js`]: [
      'import assert from "node:assert/strict";',
      'import { test } from "node:test";',
      'import { author } from "../src/shared.js";',
      "",
      `test("shared ${taskId}", () => assert.match(author, /^task /));`,
      "",
    ].join("\n"),
  };
}

/** The file `signalWorktrees` writes, which a `gatedVerification` waits for. */
export const SIGNAL_FILE = "wave-signal";

/**
 * Writes the signal into every wave worktree there is now: the tests running in one of them (sandboxed,
 * they see their own worktree only) read it there.
 */
export function signalWorktrees(root: string): void {
  const folder = join(root, ".git", "specwright", "worktrees");
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) writeFileSync(join(folder, name, SIGNAL_FILE), "go\n");
}

/**
 * A verification script: in a tree holding every file of `waitIn` (e.g. a merged tree) without the word
 * "fixed" in them, and none of `absent`, it waits for the signal (20 s at most, then fails), then fails
 * when `failAfterSignal`; anywhere else it runs `node --test`.
 */
export function gatedVerification(options: {
  readonly waitIn: readonly string[];
  readonly absent?: readonly string[];
  readonly failAfterSignal: boolean;
}) {
  return [
    'import { execFileSync } from "node:child_process";',
    'import { existsSync, readFileSync } from "node:fs";',
    'import { setTimeout as sleep } from "node:timers/promises";',
    `const files = ${JSON.stringify(options.waitIn)};`,
    `const absent = ${JSON.stringify(options.absent ?? [])};`,
    'const gated = files.every((file) => existsSync(file) && !readFileSync(file, "utf8").includes("fixed")) &&',
    "  !absent.some((file) => existsSync(file));",
    "if (gated) {",
    "  const until = Date.now() + 20_000;",
    `  while (!existsSync(${JSON.stringify(SIGNAL_FILE)}) && Date.now() < until) await sleep(50);`,
    `  if (!existsSync(${JSON.stringify(SIGNAL_FILE)}) || ${options.failAfterSignal}) process.exit(1);`,
    "}",
    'execFileSync(process.execPath, ["--test"], { stdio: "inherit" });',
    "",
  ].join("\n");
}
