// `specwright watch`: latency from a save to the hook's command starting (median of N saves, debounce
// included), how many file writes a second it keeps up with (every path of a burst reported), and its idle
// CPU over a few seconds. Run with `npm run bench:hooks` (builds first). Usage: node scripts/bench-hooks.mjs [saves] [debounceMs]
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const saves = Number(process.argv[2] ?? 15);
const debounceMs = Number(process.argv[3] ?? 150);
const root = mkdtempSync(join(tmpdir(), "specwright-bench-hooks-"));
mkdirSync(join(root, ".kiro", "hooks"), { recursive: true });
mkdirSync(join(root, "src"));
mkdirSync(join(root, "burst"));
for (let index = 0; index < 200; index++) writeFileSync(join(root, "src", `file-${index}.ts`), "export {};\n");
writeFileSync(
  join(root, ".kiro", "hooks", "stamp.json"),
  JSON.stringify({
    version: "v1",
    hooks: [
      {
        name: "stamp",
        trigger: "PostFileSave",
        matcher: "^src/",
        // The command's first act: the time it started, in ms since the epoch (the same clock as the bench).
        action: { type: "command", command: "date +%s%3N > .stamp" },
      },
    ],
  }),
);

const child = spawn(
  process.execPath,
  ["dist/cli/main.js", "watch", "--json", "--root", root, "--debounce", String(debounceMs)],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
);
const events = [];
let buffer = "";
child.stdout.setEncoding("utf8").on("data", (chunk) => {
  buffer += chunk;
  const lines = buffer.split("\n");
  buffer = lines.pop() ?? "";
  for (const line of lines) if (line.trim() !== "") events.push(JSON.parse(line));
});
async function waitFor(test, count = 1, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (events.filter(test).length < count) {
    if (Date.now() > deadline) throw new Error("timed out waiting for watch");
    await sleep(5);
  }
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

await waitFor((event) => event.type === "ready");
const latencies = [];
for (let index = 0; index < saves; index++) {
  const savedAt = Date.now();
  writeFileSync(join(root, "src", `file-${index}.ts`), `export const n = ${index};\n`);
  await waitFor((event) => event.type === "hook-end", index + 1);
  latencies.push(Number(readFileSync(join(root, ".stamp"), "utf8").trim()) - savedAt);
  await sleep(debounceMs + 100);
}

// Throughput: writes to 500 files as fast as the bench can make them; done when every path was reported.
const files = 500;
const before = events.length;
const burstStart = performance.now();
for (let index = 0; index < files; index++) writeFileSync(join(root, "burst", `f-${index}.txt`), "x\n");
const seen = new Set();
while (seen.size < files) {
  for (const event of events.slice(before)) {
    if (event.type === "change")
      for (const change of event.changes) if (change.path.startsWith("burst/")) seen.add(change.path);
  }
  if (performance.now() - burstStart > 30_000) break;
  await sleep(5);
}
const burstSeconds = (performance.now() - burstStart) / 1000;

// Idle CPU: user + system ticks of the watch process over 5 s of nothing happening.
await sleep(1000);
const ticks = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(fields[11]) + Number(fields[12]);
};
const idleSeconds = 5;
const ticksBefore = ticks();
await sleep(idleSeconds * 1000);
const idleCpu = ((ticks() - ticksBefore) / 100 / idleSeconds) * 100;

child.kill("SIGTERM");
await new Promise((resolve) => child.once("close", resolve));
rmSync(root, { recursive: true, force: true });
console.log(
  `save → hook command start: median ${median(latencies)} ms (min ${Math.min(...latencies)}, max ${Math.max(...latencies)}; ${saves} saves, debounce ${debounceMs} ms, sandbox included)`,
);
console.log(
  `burst: ${seen.size}/${files} new files reported in ${burstSeconds.toFixed(2)} s (${Math.round(seen.size / burstSeconds)} files/s, debounce included)`,
);
console.log(
  `idle CPU of watch: ${idleCpu.toFixed(2)} % of one core over ${idleSeconds} s (${200 + files} files watched)`,
);
