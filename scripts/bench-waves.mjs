// Wall time of a 6-task plan in 3 waves (2 tasks, then 3, then 1) with a scripted model that takes `delay`
// ms per turn (two turns a task: write the files, then say it is done), through the built CLI and real
// git: `run --all` (sequential), `run --all --parallel 1` and `run --all --parallel 3`. The model is a tiny
// OpenAI-compatible server on 127.0.0.1 (streamed answers, as the client asks for them).
// Run with `npm run bench:waves` (builds first). Usage: node scripts/bench-waves.mjs [delayMs]
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const delay = Number(process.argv[2] ?? 2000);
const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli", "main.js");
const TASKS = `# Implementation Plan

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
    setTimeout(() => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end(reply);
    }, delay);
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/v1`;

function project(settings) {
  const root = mkdtempSync(join(tmpdir(), "specwright-bench-waves-"));
  const write = (path, text) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("package.json", '{"name":"bench","type":"module","private":true}\n');
  write("test/base.test.js", 'import { test } from "node:test";\n\ntest("base", () => {});\n');
  write(".kiro/specs/waves/tasks.md", TASKS);
  write(".kiro/settings/specwright.json", `${JSON.stringify({ verify: { command: "node --test", ...settings } })}\n`);
  const git = (...args) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
  git("init", "--quiet", "--initial-branch=main");
  git("-c", "user.name=bench", "-c", "user.email=bench@localhost", "add", "--all");
  git("-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "--quiet", "-m", "initial");
  return root;
}

async function time(args, settings = {}) {
  const root = project(settings);
  const started = performance.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "run", "waves", "--all", ...args], {
      cwd: root,
      env: { ...process.env, SPECWRIGHT_MODEL: "openai-compatible:bench", SPECWRIGHT_BASE_URL: url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("close", resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(root, { recursive: true, force: true });
  if (code !== 0) throw new Error(`run ${args.join(" ")} exited ${code}`);
  return seconds;
}

try {
  const sequential = await time([]);
  const one = await time(["--parallel", "1"]);
  const three = await time(["--parallel", "3"]);
  const threeParallelVerify = await time(["--parallel", "3"], { parallel: true });
  console.log(`6 tasks, 3 waves, ${delay} ms per model turn (2 turns a task)`);
  console.log(`run --all               ${sequential.toFixed(1)} s`);
  console.log(`run --all --parallel 1  ${one.toFixed(1)} s`);
  const share = (seconds) =>
    `${((seconds / one) * 100).toFixed(0)}% of --parallel 1, ${((seconds / sequential) * 100).toFixed(0)}% of run --all`;
  console.log(`run --all --parallel 3  ${three.toFixed(1)} s  (${share(three)})`);
  console.log(`  with verify.parallel  ${threeParallelVerify.toFixed(1)} s  (${share(threeParallelVerify)})`);
} finally {
  server.close();
}
