// Times `impact`, `drift` and `drift --base` on a workspace of 1,000 specs (three done tasks each, with
// checkpoints, every document approved) and 5,000 commits of history, built with `git fast-import`.
// A measurement to report, not a test: `npm run bench:living [specs] [commits]`.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const specCount = Number(process.argv[2] ?? 1000);
const commitCount = Number(process.argv[3] ?? 5000);
const cli = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "specwright-bench-living-"));
const git = (args, input) =>
  execFileSync("git", args, { cwd: root, input, stdio: ["pipe", "pipe", "pipe"], maxBuffer: 1 << 30 }).toString();

const name = (index) => `spec-${String(index).padStart(4, "0")}`;
const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");
const blobId = (text) => {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
};

function requirements(index) {
  const lines = ["# Requirements Document", "", "## Introduction", "", `Feature ${index}.`, "", "## Requirements", ""];
  for (let requirement = 1; requirement <= 3; requirement++) {
    lines.push(`### Requirement ${requirement}: Part ${requirement}`, "", "#### Acceptance Criteria", "");
    for (let criterion = 1; criterion <= 2; criterion++) {
      lines.push(
        `${criterion}. WHEN event ${requirement}.${criterion} happens, THE Service ${index} SHALL respond ${criterion}`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}
const design = (index) =>
  `# Design Document\n\n## Overview\n\nService ${index}.\n\n## Components and Interfaces\n\n### Part 1\n\nHandles it (Requirements 1.1, 1.2).\n`;
const tasks = () =>
  `# Implementation Plan\n\n${[1, 2, 3].map((task) => `- [x] ${task}. Part ${task}\n  - _Requirements: ${task}.1, ${task}.2_\n`).join("")}`;

function data(text) {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

try {
  git(["init", "--quiet", "--initial-branch=main"]);
  const started = performance.now();
  let stream = "";
  let mark = 0;
  let time = 1_700_000_000;
  const commit = (ref, message, from, operations) => {
    mark++;
    stream += `commit ${ref}\nmark :${mark}\ncommitter Bench <bench@localhost> ${time++} +0000\n${data(message)}`;
    if (from !== undefined) stream += `from :${from}\n`;
    stream += operations.join("");
    return mark;
  };
  const file = (path, text) => `M 100644 inline ${path}\n${data(text)}`;
  // The first commit: every spec, approved, and its code; the approvals name the blobs that commit stores.
  const initial = [];
  for (let index = 0; index < specCount; index++) {
    const folder = `.kiro/specs/${name(index)}`;
    const texts = { requirements: requirements(index), design: design(index), tasks: tasks() };
    for (const [document, text] of Object.entries(texts)) initial.push(file(`${folder}/${document}.md`, text));
    const approvals = Object.fromEntries(
      Object.entries(texts).map(([phase, text], order) => [
        phase,
        {
          sha256: sha256(text),
          approvedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, order)).toISOString(),
          blob: blobId(text),
        },
      ]),
    );
    initial.push(
      file(`${folder}/.specwright-approvals.json`, `${JSON.stringify({ schemaVersion: 1, approvals }, null, 2)}\n`),
    );
    for (let task = 1; task <= 3; task++)
      initial.push(file(`src/${name(index)}/part-${task}.js`, `export const part${task} = ${task};\n`));
  }
  const base = commit("refs/heads/main", "initial", undefined, initial);
  // Each task's checkpoints: before = the tree without its file, after = with it.
  for (let index = 0; index < specCount; index++) {
    for (let task = 1; task <= 3; task++) {
      const path = `src/${name(index)}/part-${task}.js`;
      const prefix = `refs/specwright/checkpoints/${name(index)}/${task}`;
      const before = commit(`${prefix}/before`, "before", base, [`D ${path}\n`]);
      commit(`${prefix}/after`, "after", before, [file(path, `export const part${task} = ${task};\n`)]);
    }
  }
  // History: most commits touch other code; one in 250 edits a done task's file (drift to find).
  let previous = base;
  for (let index = 1; index < commitCount; index++) {
    const path =
      index % 250 === 0 ? `src/${name(index % specCount)}/part-1.js` : `lib/module-${index % 500}/file-${index % 7}.js`;
    previous = commit("refs/heads/main", `change ${index}`, previous, [
      file(path, `export const version = ${index};\n`),
    ]);
  }
  git(["fast-import", "--quiet"], stream);
  git(["reset", "--quiet", "--hard", "main"]);
  git(["branch", "pr-base", "main~300"]);
  console.log(
    `${specCount} specs, ${commitCount} commits, ${specCount * 3} tasks with checkpoints in ${root} (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  // One changed criterion, so impact has something to report.
  const changed = join(root, `.kiro/specs/${name(500)}/requirements.md`);
  writeFileSync(changed, requirements(500).replace("SHALL respond 1", "SHALL respond 10"));

  // The machine's load says how far wall-clock numbers are from an idle machine's.
  console.log(
    `load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")} on ${(await import("node:os")).cpus().length} cores`,
  );
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const measure = (label, args) => {
    const times = [];
    let output = "";
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, maxBuffer: 1 << 30 });
      times.push(performance.now() - start);
      output = result.stdout.toString();
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(52)} median ${times[Math.floor(runs / 2)].toFixed(0).padStart(5)} ms (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)})`,
    );
    return output;
  };
  const impact = JSON.parse(measure(`impact ${name(500)} --json`, ["impact", name(500), "--json"]));
  console.log(
    `  ${impact.summary}; code files of flagged tasks: ${impact.codeFiles.flatMap((entry) => entry.files).join(", ")}`,
  );
  const drift = JSON.parse(measure("drift --json (every spec)", ["drift", "--json"]));
  console.log(
    `  ${drift.tasks.length} done tasks drifted, ${drift.tasks.reduce((sum, task) => sum + task.files.reduce((count, file) => count + file.commits.length, 0), 0)} commits named`,
  );
  const based = JSON.parse(
    measure("drift --base pr-base --json (last 300 commits)", ["drift", "--base", "pr-base", "--json"]),
  );
  console.log(`  ${based.unspecified.length} specs with code changed and no spec change`);
  measure(`drift ${name(0)} --json (one spec)`, ["drift", name(0), "--json"]);
} finally {
  // BENCH_KEEP=1 leaves the workspace for a closer look.
  if (process.env.BENCH_KEEP === "1") console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
