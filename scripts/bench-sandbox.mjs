// Overhead of the OS sandbox per command: `true` run N times unconfined and in the sandbox (policy building
// included, as run_command does it), in a workspace with a .git folder, settings, a spec and a .env. Medians.
// Run with `npm run bench:sandbox` (builds first). Usage: node scripts/bench-sandbox.mjs [runs]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { detectOsSandbox, runSandboxedCommand } from "../dist/workspace/sandbox/os-sandbox/index.js";

const runs = Number(process.argv[2] ?? 50);
const root = mkdtempSync(join(tmpdir(), "specwright-bench-sandbox-"));
execFileSync("git", ["init", "--quiet"], { cwd: root });
mkdirSync(join(root, ".kiro", "settings"), { recursive: true });
mkdirSync(join(root, ".kiro", "specs", "a"), { recursive: true });
mkdirSync(join(root, "src"));
writeFileSync(join(root, ".kiro", "settings", "specwright.json"), "{}\n");
writeFileSync(join(root, ".kiro", "specs", "a", "tasks.md"), "- [ ] 1. x\n");
writeFileSync(join(root, ".env"), "TOKEN=x\n");
for (let index = 0; index < 200; index++) writeFileSync(join(root, "src", `file-${index}.js`), "export {};\n");

const detection = await detectOsSandbox();
if (!detection.available) {
  console.error(`no OS sandbox here: ${detection.reason}\n${detection.fix}`);
  process.exit(1);
}

async function time(sandbox) {
  const durations = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    const result = await runSandboxedCommand({
      command: "true",
      root,
      cwd: root,
      timeoutMs: 10_000,
      maxOutputBytes: 1024,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      sandbox,
    });
    durations.push(performance.now() - started);
    if (result.exitCode !== 0) throw new Error(`true failed: ${result.output}`);
  }
  durations.sort((left, right) => left - right);
  return durations[Math.floor(durations.length / 2)];
}

try {
  await time(detection); // warm-up: the first spawn pays for loading
  const plain = await time(undefined);
  const sandboxed = await time(detection);
  console.log(
    `sandbox: ${detection.kind} (${detection.executable}), ${runs} runs of \`true\` each, workspace of 200 files`,
  );
  console.log(`  unconfined   median ${plain.toFixed(1)} ms`);
  console.log(`  sandboxed    median ${sandboxed.toFixed(1)} ms`);
  console.log(`  overhead     median ${(sandboxed - plain).toFixed(1)} ms per command`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
