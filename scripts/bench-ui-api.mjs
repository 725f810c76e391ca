// The dashboard's API on a real-sized workspace: how long `GET /api/board` and a spec page take, cold (first
// request after the start, empty caches) and warm, and how large the board's answer is. The page's first paint
// waits for the board, so this is the server's share of it (scripts/bench-ui.mjs measures the page). `specwright
// ui` computes the board once as it starts (`prewarm`), so a browser opened a moment later gets the warm time;
// `--prewarm` measures that first request.
// A measurement to report, not a test (run `npm run build` first):
//   node scripts/bench-ui-api.mjs [--specs 1000] [--rounds 5]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    specs: { type: "string", default: "1000" },
    rounds: { type: "string", default: "5" },
    prewarm: { type: "boolean", default: false },
  },
});
const specs = Number(values.specs);
const rounds = Number(values.rounds);
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const root = mkdtempSync(join(tmpdir(), "specwright-bench-ui-"));
// The status and check caches of this run only: a cold start is really cold.
process.env.SPECWRIGHT_CACHE_DIR = join(root, "cache");

const requirements = (index) => `# Requirements Document

## Introduction

Feature ${index}.

## Glossary

- **Service**: The system of feature ${index}.

## Requirements

### Requirement 1: Count

**User Story:** As an operator, I want counts, so that abuse is visible.

#### Acceptance Criteria

1. WHEN a request arrives, THE Service SHALL increment the counter
2. THE Service SHALL reset every counter each minute
3. IF a client exceeds the limit, THEN THE Service SHALL answer 429
`;
const tasks = `# Implementation Plan

- [x] 1. Store
  - _Requirements: 1.1_
- [-] 2. Reset
  - _Requirements: 1.2_
- [ ]* 3. Property test
  - _Requirements: 1.3_
`;
for (let index = 0; index < specs; index++) {
  const folder = join(root, "workspace", ".kiro", "specs", `feature-${String(index).padStart(5, "0")}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "requirements.md"), requirements(index));
  writeFileSync(join(folder, "tasks.md"), tasks);
}

const [{ serveDashboard }, { resolveDashboardRoots }] = await Promise.all([
  import(join(dist, "ui", "server", "serve-dashboard.js")),
  import(join(dist, "engine", "dashboard", "dashboard-roots.js")),
]);
const workspace = join(root, "workspace");
const serving = await serveDashboard({
  roots: await resolveDashboardRoots(workspace, [workspace]),
  log: () => undefined,
  prewarm: values.prewarm,
  openSession: async () => {
    throw new Error("The benchmark starts no run.");
  },
});
const headers = { host: `127.0.0.1:${serving.port}`, cookie: `specwright_token=${serving.token}` };
const get = (path) =>
  new Promise((resolve, reject) => {
    const start = performance.now();
    request({ host: "127.0.0.1", port: serving.port, path, headers }, (response) => {
      let bytes = 0;
      response.on("data", (chunk) => {
        bytes += chunk.length;
      });
      response.on("end", () => resolve({ ms: performance.now() - start, bytes, status: response.statusCode }));
    })
      .on("error", reject)
      .end();
  });

const median = (numbers) => [...numbers].sort((left, right) => left - right)[Math.floor(numbers.length / 2)];
try {
  // With --prewarm: the moment a person needs to open the printed URL.
  if (values.prewarm) await new Promise((resolve) => setTimeout(resolve, 3000));
  const cold = await get("/api/board");
  if (cold.status !== 200) throw new Error(`GET /api/board answered ${cold.status}`);
  const warm = [];
  for (let round = 0; round < rounds; round++) warm.push((await get("/api/board")).ms);
  const page = [];
  for (let round = 0; round < rounds; round++) page.push((await get("/api/specs/0/feature-00000")).ms);
  console.log(`specs: ${specs}`);
  console.log(
    `GET /api/board first${values.prewarm ? " (after prewarm)" : " (cold)"}: ${cold.ms.toFixed(0)} ms, ${(cold.bytes / 1024).toFixed(0)} KiB`,
  );
  console.log(`GET /api/board warm: median ${median(warm).toFixed(0)} ms of ${rounds}`);
  console.log(`GET /api/specs/0/<spec>: median ${median(page).toFixed(0)} ms of ${rounds}`);
} finally {
  await serving.close();
  rmSync(root, { recursive: true, force: true });
}
