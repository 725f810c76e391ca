#!/usr/bin/env node
// Context-size benchmark (issue 5): for every task of this repository's own specs (.kiro/specs/*), the tokens
// of context `specwright run` sends (the task's context; and with the repository map the runner adds) against
// a naive context (the whole spec plus every steering file). Aim: at most 40% of naive, with every criterion
// the task references still in it. Run `npm run bench:context` (builds first) or
// `node scripts/bench-context.mjs [--json]` after a build. Tokens are estimated at four characters each.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(repository, "dist");
if (!existsSync(join(dist, "engine", "context", "build-task-context.js"))) {
  console.error("dist/ is missing or old: run `npm run build` first (npm run bench:context does).");
  process.exit(2);
}
const json = process.argv.includes("--json");
const { buildTaskContext } = await import(join(dist, "engine", "context", "build-task-context.js"));
const { taskContextText } = await import(join(dist, "engine", "runner", "task-context-text.js"));
const { DEFAULT_CONTEXT_MAX_CHARS } = await import(join(dist, "engine", "runner", "run-spec-tasks.js"));
const { parseTasks } = await import(join(dist, "model", "tasks", "parse-tasks.js"));
const { flattenTasks } = await import(join(dist, "model", "tasks", "walk-tasks.js"));

const tokens = (text) => Math.ceil(text.length / 4);
const read = (path) => (existsSync(path) ? readFileSync(path, "utf8") : "");
const steeringDirectory = join(repository, ".kiro", "steering");
const steering = readdirSync(steeringDirectory)
  .filter((name) => name.endsWith(".md"))
  .map((name) => read(join(steeringDirectory, name)))
  .join("\n\n");

const specsDirectory = join(repository, ".kiro", "specs");
const rows = [];
for (const spec of readdirSync(specsDirectory).sort()) {
  const folder = join(specsDirectory, spec);
  const tasksText = read(join(folder, "tasks.md"));
  if (tasksText === "") continue;
  const naive = [
    read(join(folder, "requirements.md")),
    read(join(folder, "bugfix.md")),
    read(join(folder, "design.md")),
    tasksText,
    steering,
  ].join("\n\n");
  const naiveTokens = tokens(naive);
  const leaves = flattenTasks(parseTasks(tasksText).tasks).filter(
    (task) => task.id !== undefined && task.children.length === 0,
  );
  for (const task of leaves) {
    const context = await buildTaskContext({ root: repository, spec, taskId: task.id });
    const withMap = await taskContextText({
      root: repository,
      spec,
      taskId: task.id,
      maxChars: DEFAULT_CONTEXT_MAX_CHARS,
    });
    // Nothing the task references may be dropped: each criterion's text and the task's title must be there.
    const missing = context.criteria
      .filter((criterion) => !context.text.includes(criterion.text.slice(0, 60)))
      .map((criterion) => criterion.id);
    if (!context.text.includes(task.title.slice(0, 60))) missing.push(`title of ${task.id}`);
    rows.push({
      spec,
      task: task.id,
      naiveTokens,
      contextTokens: tokens(context.text),
      withMapTokens: tokens(withMap),
      ratio: tokens(context.text) / naiveTokens,
      referenced: context.criteria.length,
      missing,
    });
  }
}

const sum = (values) => values.reduce((total, value) => total + value, 0);
const overall = {
  tasks: rows.length,
  naiveTokens: sum(rows.map((row) => row.naiveTokens)),
  contextTokens: sum(rows.map((row) => row.contextTokens)),
  withMapTokens: sum(rows.map((row) => row.withMapTokens)),
  missingReferences: sum(rows.map((row) => row.missing.length)),
};
const result = {
  ...overall,
  ratio: overall.contextTokens / overall.naiveTokens,
  withMapRatio: overall.withMapTokens / overall.naiveTokens,
  worstRatio: Math.max(...rows.map((row) => row.ratio)),
  target: 0.4,
  rows,
};

if (json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const percent = (value) => `${(value * 100).toFixed(1)}%`;
  console.log("spec                      tasks  naive tok  context tok  ratio   +map tok  missing");
  for (const spec of [...new Set(rows.map((row) => row.spec))]) {
    const mine = rows.filter((row) => row.spec === spec);
    const naive = sum(mine.map((row) => row.naiveTokens));
    const context = sum(mine.map((row) => row.contextTokens));
    const withMap = sum(mine.map((row) => row.withMapTokens));
    const missing = sum(mine.map((row) => row.missing.length));
    console.log(
      `${spec.padEnd(25)} ${String(mine.length).padStart(5)}  ${String(Math.round(naive / mine.length)).padStart(9)}  ${String(Math.round(context / mine.length)).padStart(11)}  ${percent(context / naive).padStart(6)}  ${String(Math.round(withMap / mine.length)).padStart(8)}  ${missing}`,
    );
  }
  console.log(
    `\nall ${result.tasks} tasks: context ${percent(result.ratio)} of naive (worst task ${percent(result.worstRatio)}), ` +
      `${percent(result.withMapRatio)} with the repository map; ${result.missingReferences} referenced items missing; target ≤ 40%.`,
  );
}
