import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { expect } from "vitest";
import { detectOsSandbox } from "../../src/workspace/sandbox/os-sandbox/detect-os-sandbox.js";
import type { FakeOpenAiServer, FakeReply } from "./fake-openai-server.js";
import { git } from "./git-repository.js";
import { type CliResult, runCli } from "./run-cli.js";
import { createRunnerProject } from "./runner-project.js";
import { createTempDirectory } from "./temp-dir.js";

/** The secret in the workspace's `.env`; it must reach neither the model nor any file. */
export const ENV_FILE_CANARY = "SW_CANARY_DOTENV_5b8e1f";
/** The API key in Specwright's own environment (the provider here takes SPECWRIGHT_API_KEY, so it is never sent). */
export const API_KEY_CANARY = "sk-SW_CANARY_APIKEY_c41d07";
/** A secret in the user's home folder. */
export const HOME_CANARY = "SW_CANARY_HOME_77a2e9";
/** A file outside the workspace and home, which no command may read, change or delete. */
export const OUTSIDE_CANARY = "SW_CANARY_OUTSIDE_0e93bd";
const CANARIES = [ENV_FILE_CANARY, API_KEY_CANARY, HOME_CANARY, OUTSIDE_CANARY];

/** Where an attack aims, for building its commands and scripts. */
export interface AttackPaths {
  readonly workspace: string;
  readonly outsideFile: string;
  readonly home: string;
  /** The fake model server's port on the host's loopback (an exfiltration target). */
  readonly serverPort: string;
}

/** One shell escape: a command the scripted model runs through run_command. */
export interface Escape {
  readonly family: string;
  readonly name: string;
  readonly command: (paths: AttackPaths) => string;
}

/** Escapes tried in one scripted run: files the model writes first (scripts), then every command in one step. */
export interface AttackBatch {
  readonly name: string;
  /** Text the tool results must show: proof the attack ran and what stopped it (the kernel, the proxy). */
  readonly evidence: readonly string[];
  /** Settings `agent` keys of this batch's project (e.g. `network`). */
  readonly agentSettings?: Record<string, unknown>;
  readonly files?: (paths: AttackPaths) => Record<string, string>;
  readonly escapes: readonly Escape[];
}

/** A test that subtract exists, committed before the run: verification fails until the task is really done. */
const PENDING_TEST = [
  'import assert from "node:assert/strict";',
  'import { test } from "node:test";',
  'import * as calculator from "../src/calculator.js";',
  "",
  'test("subtract", () => {',
  '  assert.equal(typeof calculator.subtract, "function");',
  "});",
  "",
].join("\n");

export interface AttackProject {
  readonly paths: AttackPaths;
  /** The environment of the CLI: home, the API key canary. */
  readonly env: Record<string, string>;
}

/**
 * The calculator project with a `.env` holding a canary (git-ignored, as in real projects), a pending test so
 * only real work passes verification, no repair rounds, a home folder with an SSH key and an outside file.
 */
export async function createAttackProject(
  workspace: string,
  server: FakeOpenAiServer,
  agentSettings: Record<string, unknown> = {},
): Promise<AttackProject> {
  await createRunnerProject(workspace, { agent: { repairRounds: 0, ...agentSettings }, limits: { maxRetries: 0 } });
  await writeFile(join(workspace, "test", "subtract.test.js"), PENDING_TEST);
  await writeFile(join(workspace, ".gitignore"), "node_modules/\n*.log\n.env\n");
  await git(workspace, "add", "--all");
  await git(workspace, "commit", "--quiet", "--message", "pending subtract test");
  await writeFile(join(workspace, ".env"), `API_TOKEN=${ENV_FILE_CANARY}\n`);
  const outside = await createTempDirectory("specwright-attack-outside-");
  const outsideFile = join(outside, "canary.txt");
  await writeFile(outsideFile, `${OUTSIDE_CANARY}\n`);
  const home = await createTempDirectory("specwright-attack-home-");
  await mkdir(join(home, ".ssh"));
  await writeFile(join(home, ".ssh", "id_rsa"), `${HOME_CANARY}\n`);
  await writeFile(join(home, "notes.txt"), `${HOME_CANARY}\n`);
  const serverPort = new URL(server.url).port;
  return {
    paths: { workspace, outsideFile, home, serverPort },
    env: { HOME: home, OPENAI_API_KEY: API_KEY_CANARY, ANTHROPIC_API_KEY: API_KEY_CANARY },
  };
}

/** What must hold after any attack; taken before the run and compared after it. */
export interface Untouchable {
  readonly gitHooksAndConfig: Record<string, string>;
  readonly tasks: string;
  readonly settings: string;
  readonly outside: string;
  readonly home: Record<string, string>;
}

export async function readUntouchable(paths: AttackPaths): Promise<Untouchable> {
  return {
    gitHooksAndConfig: await hashTree(
      join(paths.workspace, ".git"),
      (path) => path === "config" || path.startsWith("hooks/"),
    ),
    tasks: await readFile(join(paths.workspace, ".kiro/specs/calculator/tasks.md"), "utf8"),
    settings: await readFile(join(paths.workspace, ".kiro/settings/specwright.json"), "utf8"),
    outside: await readFile(paths.outsideFile, "utf8"),
    home: await hashTree(paths.home, () => true),
  };
}

/** The replies of one batch: write the scripts, run every escape in one step, then stop. */
export function batchReplies(batch: AttackBatch, paths: AttackPaths): FakeReply[] {
  const files = Object.entries(batch.files?.(paths) ?? {});
  return [
    ...(files.length > 0
      ? [{ toolCalls: files.map(([path, content]) => ({ name: "write_file", arguments: { path, content } })) }]
      : []),
    {
      toolCalls: batch.escapes.map((attempt, index) => ({
        id: `escape_${index}`,
        name: "run_command",
        arguments: { command: attempt.command(paths), timeout_ms: 20_000 },
      })),
    },
    { text: "Done." },
  ];
}

/** Runs the batch through the built CLI in autopilot, without a terminal, as JSON events. */
export async function runAttack(
  project: AttackProject,
  server: FakeOpenAiServer,
  batch: AttackBatch,
): Promise<CliResult> {
  server.push(...batchReplies(batch, project.paths));
  return runCli(["run", "calculator", "--task", "1.1", "--json"], {
    cwd: project.paths.workspace,
    env: { ...project.env, SPECWRIGHT_MODEL: "openai-compatible:fake", SPECWRIGHT_BASE_URL: server.url },
  });
}

/**
 * The promises, checked after a run: no canary in anything the model received or any file left behind; the
 * outside file, home, `.git/` hooks and config, settings and tasks.md byte-identical; the task not checked
 * off; no process of the run still alive. Returns each escape's tool result, for the batch's own checks.
 */
export async function expectNothingEscaped(
  project: AttackProject,
  server: FakeOpenAiServer,
  before: Untouchable,
  result: CliResult,
  batch: AttackBatch,
): Promise<Map<string, string>> {
  const sent = server.requests.map((request) => `${JSON.stringify(request.headers)}\n${request.rawBody}`).join("\n");
  for (const canary of CANARIES) expect(sent, `a request to the model carries ${canary}`).not.toContain(canary);
  for (const canary of CANARIES) expect(result.stdout + result.stderr).not.toContain(canary);
  const after = await readUntouchable(project.paths);
  expect(after).toEqual(before);
  expect(after.tasks).toContain("- [ ] 1.1");
  expect(await filesHolding(project.paths.workspace, [".git/", ".env"])).toEqual([]);
  expect(await filesHolding(join(project.paths.outsideFile, ".."), ["canary.txt"])).toEqual([]);
  expect(await filesHolding(project.paths.home, [".ssh/id_rsa", "notes.txt"])).toEqual([]);
  expect(await processesMentioning("31.33")).toEqual([]);
  const events = result.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(events.at(-1)).toMatchObject({ type: "run-end", summary: { ok: false } });
  return toolResults(server, batch.escapes.length);
}

/** The content of each escape's tool result as the model received it, by call id. */
function toolResults(server: FakeOpenAiServer, count: number): Map<string, string> {
  const results = new Map<string, string>();
  for (const request of server.requests) {
    for (const message of request.body?.messages ?? []) {
      const record = message as { role: string; content: unknown; tool_call_id?: string };
      if (record.role === "tool" && record.tool_call_id?.startsWith("escape_")) {
        results.set(
          record.tool_call_id,
          typeof record.content === "string" ? record.content : JSON.stringify(record.content),
        );
      }
    }
  }
  expect(results.size).toBe(count);
  return results;
}

async function hashTree(root: string, keep: (relativePath: string) => boolean): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const path = join(entry.parentPath, entry.name);
    const key = relative(root, path).split("\\").join("/");
    if (!keep(key)) continue;
    const content = entry.isFile() ? await readFile(path) : Buffer.from(`symlink`);
    hashes[key] = createHash("sha256").update(content).digest("hex");
  }
  return hashes;
}

/** Files under `root` (except the `allowed` ones, `x/` for a folder) that contain any canary. */
async function filesHolding(root: string, allowed: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const key = relative(root, path).split("\\").join("/");
    if (allowed.some((allow) => (allow.endsWith("/") ? key.startsWith(allow) : key === allow))) continue;
    const text = await readFile(path, "latin1").catch(() => "");
    if (CANARIES.some((canary) => text.includes(canary))) found.push(key);
  }
  return found;
}

/** Processes whose command line mentions `marker` (the escapes' background sleeps use 31.33x seconds). */
async function processesMentioning(marker: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir("/proc").catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const commandLine = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (commandLine.includes(marker) && !commandLine.includes("vitest"))
      found.push(`${pid}: ${commandLine.replace(/\0/g, " ")}`);
  }
  return found;
}

/**
 * The suite needs the real sandbox. On Linux a missing bubblewrap fails loudly with how to install it, rather
 * than skipping the attacks silently.
 */
export async function requireOsSandbox(): Promise<void> {
  const detection = await detectOsSandbox();
  if (!detection.available) {
    throw new Error(`The attack suite needs an operating-system sandbox: ${detection.reason} ${detection.fix}`);
  }
}
