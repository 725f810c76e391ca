// Load on `specwright mcp --http`: N clients at once for D seconds, each opening a session, calling tools and
// closing it (DELETE, or abandoning it for a fraction of them), again and again. Reports requests/s, p50/p99
// latency, the server's CPU time a request, and its resident memory before, during (peak) and after the clients
// left. On a shared machine requests/s and latency follow the load of others; CPU a request much less so.
// A measurement to report, not a test:
//   npm run bench:mcp -- [--clients 200] [--seconds 20] [--calls 5] [--abandon 0] [--settle 5] [-- server args]
// Everything after a lone `--` goes to `specwright mcp --http` (e.g. `--session-idle-timeout 5`).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const separator = process.argv.indexOf("--", 2);
const serverArgs = separator === -1 ? [] : process.argv.slice(separator + 1);
const { values } = parseArgs({
  args: separator === -1 ? process.argv.slice(2) : process.argv.slice(2, separator),
  options: {
    clients: { type: "string", default: "200" },
    seconds: { type: "string", default: "20" },
    calls: { type: "string", default: "5" },
    abandon: { type: "string", default: "0" },
    settle: { type: "string", default: "5" },
  },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const callsPerSession = Number(values.calls);
const abandonFraction = Number(values.abandon);
const settleSeconds = Number(values.settle);

const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli", "main.js");
const root = mkdtempSync(join(tmpdir(), "specwright-bench-mcp-"));
const spec = join(root, ".kiro", "specs", "bench-spec");
mkdirSync(spec, { recursive: true });
writeFileSync(
  join(spec, "requirements.md"),
  "# Requirements Document\n\n## Introduction\n\nA bench.\n\n## Requirements\n\n### Requirement 1: Count\n\n" +
    "**User Story:** As an operator, I want counts, so that load is visible.\n\n#### Acceptance Criteria\n\n" +
    "1. WHEN a request arrives, THE Counter SHALL increment the total\n",
);
writeFileSync(join(spec, "tasks.md"), "# Implementation Plan\n\n- [ ] 1. Count\n  - _Requirements: 1.1_\n");

const server = spawn(process.execPath, [cli, "mcp", "--http", "--port", "0", ...serverArgs], {
  cwd: root,
  stdio: ["ignore", "ignore", "pipe"],
});
let stderr = "";
const ready = await new Promise((resolve, reject) => {
  server.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr += chunk;
    const url = /serving Streamable HTTP on (\S+)/.exec(stderr)?.[1];
    const token = /Authorization: Bearer (\S+)/.exec(stderr)?.[1];
    if (url && token) resolve({ url, token });
  });
  server.once("exit", (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
});

/** The server's resident set size in MB, from /proc (Linux). */
function rssMegabytes() {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** CPU seconds the server used so far (user + system), from /proc: unlike latency, not inflated by other load. */
function cpuSeconds() {
  const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command; in clock ticks (100 a second).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const headers = (sessionId) => ({
  Authorization: `Bearer ${ready.token}`,
  "Content-Type": "application/json",
  Accept: "application/json, text/event-stream",
  "MCP-Protocol-Version": "2025-06-18",
  ...(sessionId ? { "Mcp-Session-Id": sessionId } : {}),
});
const latencies = [];
const failures = new Map();
let requests = 0;
const countFailure = (key) => failures.set(key, (failures.get(key) ?? 0) + 1);

async function timed(label, init) {
  const start = performance.now();
  try {
    const response = await fetch(ready.url, init);
    await response.text();
    if (!response.ok) countFailure(`${label} ${response.status}`);
    return response;
  } catch (error) {
    countFailure(`${label} ${error.cause?.code ?? error.message}`);
    return undefined;
  } finally {
    latencies.push(performance.now() - start);
    requests++;
  }
}

let id = 0;
const call = (sessionId, method, params) =>
  timed(method, {
    method: "POST",
    headers: headers(sessionId),
    body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
  });

async function oneSession() {
  const initialized = await call(undefined, "initialize", {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "bench", version: "1" },
  });
  const sessionId = initialized?.headers.get("mcp-session-id");
  if (!sessionId) return;
  await timed("initialized", {
    method: "POST",
    headers: headers(sessionId),
    body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }),
  });
  for (let index = 0; index < callsPerSession; index++) {
    const name = index % 2 === 0 ? "list_specs" : "next_task";
    await call(sessionId, "tools/call", { name, arguments: name === "next_task" ? { spec: "bench-spec" } : {} });
  }
  if (Math.random() >= abandonFraction) await timed("DELETE", { method: "DELETE", headers: headers(sessionId) });
}

const before = rssMegabytes();
const cpuBefore = cpuSeconds();
let peak = before;
const sampler = setInterval(() => {
  peak = Math.max(peak, rssMegabytes());
}, 250);
const started = performance.now();
const deadline = started + seconds * 1000;
let sessions = 0;
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (performance.now() < deadline) {
      await oneSession();
      sessions++;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
const atEnd = rssMegabytes();
const cpuUsed = cpuSeconds() - cpuBefore;
await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
clearInterval(sampler);
const after = rssMegabytes();

latencies.sort((a, b) => a - b);
const percentile = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(
  `${clients} clients for ${seconds} s, ${callsPerSession} tool calls a session, ${abandonFraction} abandoned`,
);
console.log(`server args: ${serverArgs.join(" ") || "(none)"}`);
console.log(`sessions     ${sessions}`);
console.log(`requests     ${requests} in ${elapsed.toFixed(1)} s = ${(requests / elapsed).toFixed(0)} req/s`);
console.log(`latency      p50 ${percentile(50).toFixed(0)} ms, p99 ${percentile(99).toFixed(0)} ms`);
console.log(
  `server CPU   ${cpuUsed.toFixed(1)} s = ${((cpuUsed * 1000) / requests).toFixed(2)} ms a request ` +
    `(${((100 * cpuUsed) / elapsed).toFixed(0)}% of one core)`,
);
console.log(
  `RSS (MB)     before ${before.toFixed(0)}, peak ${peak.toFixed(0)}, at end ${atEnd.toFixed(0)}, ` +
    `${settleSeconds} s after ${after.toFixed(0)}`,
);
for (const [failure, count] of failures) console.log(`failed       ${failure}: ${count}`);
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
rmSync(root, { recursive: true, force: true });
