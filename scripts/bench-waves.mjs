// Wall time of 6-task plans with a scripted model that takes `delay` ms per turn (two turns a task: write
// the files, then say it is done), through the built CLI and real git: `run --all --parallel 1` against
// `run --all --parallel 3`, for three plan shapes (2 waves of 3, 3 waves of 2, the 2-3-1 plan of the e2e
// test). Each task's verification is the project's real `node --test`. The run's `--json` event stream is
// timestamped as it arrives, so the table says where the time went: model turns, verification, and the
// rest (checkpoints, worktrees, merges). The model is a tiny OpenAI-compatible server on 127.0.0.1 that
// answers every request on its own timer (no queue).
// Run with `npm run bench:waves` (builds first).
// Usage: node scripts/bench-waves.mjs [delayMs] [--events] [--repeat N] [--shape N]
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const delay = Number(process.argv[2] !== undefined && /^\d+$/.test(process.argv[2]) ? process.argv[2] : 2000);
const showEvents = process.argv.includes("--events");
const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
};
// On a shared machine one run can be slowed by others: `--repeat N` runs the three configurations N times,
// alternated (so each round sees the same load), and reports each one's median run, and its ratio's range.
const repeat = option("--repeat", 1);
// `--shape N` (1-based) measures one plan shape only.
const onlyShape = option("--shape", 0);
const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli", "main.js");

const SHAPES = [
  {
    name: "2 waves of 3",
    tasks: `# Implementation Plan

- [ ] 1. (P) Add module one
- [ ] 2. (P) Add module two
- [ ] 3. (P) Add module three
- [ ] 4. (P) Add module four
  - _Depends: 1, 2, 3_
- [ ] 5. (P) Add module five
  - _Depends: 1, 2, 3_
- [ ] 6. (P) Add module six
  - _Depends: 1, 2, 3_
`,
  },
  {
    name: "3 waves of 2",
    tasks: `# Implementation Plan

- [ ] 1. (P) Add module one
- [ ] 2. (P) Add module two
- [ ] 3. Add module three
  - _Depends: 1, 2_
- [ ] 4. Add module four
  - _Depends: 1, 2_
- [ ] 5. Add module five
  - _Depends: 3, 4_
- [ ] 6. Add module six
  - _Depends: 3, 4_
`,
  },
  {
    name: "3 waves: 2, 3, 1",
    tasks: `# Implementation Plan

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
`,
  },
];

function files(taskId) {
  return {
    [`src/module-${taskId}.js`]: `export const value${taskId} = ${taskId};\n`,
    [`test/module-${taskId}.test.js`]: `import assert from "node:assert/strict";\nimport { test } from "node:test";\nimport { value${taskId} } from "../src/module-${taskId}.js";\n\ntest("module ${taskId}", () => assert.equal(value${taskId}, ${taskId}));\n`,
  };
}

/** One streamed chat completion: tool calls writing the task's files, or a closing sentence. */
function answer(body) {
  const first = body.messages.find((message) => message.role === "user");
  const text = typeof first?.content === "string" ? first.content : JSON.stringify(first?.content ?? "");
  const taskId = /Implement task ([\d.]+)/.exec(text)?.[1] ?? "0";
  const base = { id: "chatcmpl-bench", object: "chat.completion.chunk", created: 0, model: body.model };
  const events = [{ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] }];
  const done = body.messages.at(-1)?.role === "tool";
  if (done) {
    events.push({ ...base, choices: [{ index: 0, delta: { content: `Task ${taskId} done.` }, finish_reason: null }] });
  } else {
    Object.entries(files(taskId)).forEach(([path, content], index) => {
      const call = {
        index,
        id: `call-${taskId}-${index}`,
        type: "function",
        function: { name: "write_file", arguments: JSON.stringify({ path, content }) },
      };
      events.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [call] }, finish_reason: null }] });
    });
  }
  events.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: done ? "stop" : "tool_calls" }] });
  events.push({ ...base, choices: [], usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 } });
  return `${events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join("")}data: [DONE]\n\n`;
}

let inFlight = 0;
/** [start, end] of each model request, in performance.now() time. */
let modelSpans = [];
let mostInFlight = 0;
const server = createServer((request, response) => {
  let raw = "";
  request.on("data", (chunk) => {
    raw += chunk;
  });
  request.on("end", () => {
    if (request.method !== "POST") {
      response.writeHead(404).end();
      return;
    }
    const reply = answer(JSON.parse(raw));
    const opened = performance.now();
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      modelSpans.push([opened, performance.now()]);
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end(reply);
    }, delay);
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/v1`;

function project(tasks, settings) {
  const root = mkdtempSync(join(tmpdir(), "specwright-bench-waves-"));
  const write = (path, text) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("package.json", '{"name":"bench","type":"module","private":true}\n');
  write("test/base.test.js", 'import { test } from "node:test";\n\ntest("base", () => {});\n');
  write(".kiro/specs/waves/tasks.md", tasks);
  write(".kiro/settings/specwright.json", `${JSON.stringify({ verify: { command: "node --test", ...settings } })}\n`);
  const git = (...args) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
  git("init", "--quiet", "--initial-branch=main");
  git("-c", "user.name=bench", "-c", "user.email=bench@localhost", "add", "--all");
  git("-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "--quiet", "-m", "initial");
  return root;
}

/** Sum of the lengths of the union of intervals: the wall time during which at least one was running. */
function covered(intervals) {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of sorted) {
    if (from > end) {
      total += to - from;
      end = to;
    } else if (to > end) {
      total += to - end;
      end = to;
    }
  }
  return total;
}

/** One run through the CLI; its events timestamped (ms since start) as they arrive on stdout. */
async function run(tasks, args, settings = {}) {
  const root = project(tasks, settings);
  const events = [];
  mostInFlight = 0;
  modelSpans = [];
  const started = performance.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "run", "waves", "--all", "--json", ...args], {
      cwd: root,
      env: { ...process.env, SPECWRIGHT_MODEL: "openai-compatible:bench", SPECWRIGHT_BASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      const at = performance.now() - started;
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (line.trim() !== "") events.push({ at, ...JSON.parse(line) });
    });
    child.on("close", resolve);
  });
  const wall = performance.now() - started;
  rmSync(root, { recursive: true, force: true });
  if (code !== 0) {
    for (const event of events.slice(-12)) console.error(JSON.stringify(event).slice(0, 600));
    throw new Error(`run ${args.join(" ")} exited ${code}`);
  }
  const open = new Map();
  const verifications = [];
  for (const event of events) {
    const key = `${event.taskId}/${event.round}`;
    if (event.type === "verify-start") open.set(key, event.at);
    if (event.type === "verify-end") verifications.push([open.get(key) ?? event.at, event.at]);
  }
  if (showEvents) {
    for (const event of events) {
      const detail = [event.taskId, event.round, event.wave, event.result, event.stage].filter((x) => x !== undefined);
      console.log(`${(event.at / 1000).toFixed(2).padStart(7)} s  ${event.type} ${detail.join(" ")}`);
    }
  }
  return {
    wall: wall / 1000,
    verifications: verifications.length,
    verifyBusy: covered(verifications) / 1000,
    modelBusy: covered(modelSpans) / 1000,
    // Model turns and test runs overlap in a parallel run: what is left is wall time with neither open.
    rest:
      (wall - covered([...modelSpans.map(([from, to]) => [from - started, to - started]), ...verifications])) / 1000,
    mostInFlight,
  };
}

const seconds = (value) => `${value.toFixed(1)} s`;
const ratio = (part, whole) => `${((part / whole) * 100).toFixed(0)}%`;
const rows = [];
try {
  const median = (runs) => [...runs].sort((left, right) => left.wall - right.wall)[Math.floor((runs.length - 1) / 2)];
  for (const [index, shape] of SHAPES.entries()) {
    if (onlyShape > 0 && index + 1 !== onlyShape) continue;
    const rounds = { one: [], three: [], both: [] };
    for (let round = 0; round < repeat; round++) {
      rounds.one.push(await run(shape.tasks, ["--parallel", "1"]));
      rounds.three.push(await run(shape.tasks, ["--parallel", "3"]));
      rounds.both.push(await run(shape.tasks, ["--parallel", "3"], { parallel: true }));
    }
    const ratios = (runs) => runs.map((result, round) => result.wall / (rounds.one[round]?.wall ?? 1));
    rows.push({
      shape: shape.name,
      one: median(rounds.one),
      three: median(rounds.three),
      threeParallelVerify: median(rounds.both),
      ranges: { three: ratios(rounds.three), both: ratios(rounds.both) },
    });
  }
  console.log(
    `6 tasks, ${delay} ms per model turn (2 turns a task), verification: node --test${repeat > 1 ? `, median of ${repeat} alternated rounds (ratio range of the rounds in brackets)` : ""}`,
  );
  console.log("");
  console.log(
    "| plan shape | --parallel 1 | --parallel 3 | ratio | + verify.parallel | ratio | model (1 / 3) | tests (1 / 3) | rest (1 / 3) | most model requests at once |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  const range = (values) =>
    values.length > 1 ? ` [${(Math.min(...values) * 100).toFixed(0)}–${(Math.max(...values) * 100).toFixed(0)}%]` : "";
  for (const { shape, one, three, threeParallelVerify: both, ranges } of rows) {
    console.log(
      `| ${shape} | ${seconds(one.wall)} | ${seconds(three.wall)} | ${ratio(three.wall, one.wall)}${range(ranges.three)} | ${seconds(both.wall)} | ${ratio(both.wall, one.wall)}${range(ranges.both)} | ${seconds(one.modelBusy)} / ${seconds(three.modelBusy)} | ${seconds(one.verifyBusy)} / ${seconds(three.verifyBusy)} | ${seconds(one.rest)} / ${seconds(three.rest)} | ${three.mostInFlight} |`,
    );
  }
  console.log("");
  console.log(
    "model: wall time with a model request open; tests: wall time with a reported test run open (baselines and each task's tests; a merged tree's tests run inside its merge and count as rest); rest: checkpoints, worktrees, merges.",
  );
} finally {
  server.close();
}
