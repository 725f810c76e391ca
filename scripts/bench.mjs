#!/usr/bin/env node
// Specwright benchmark: whole-process CLI timings on generated 1k/10k-spec workspaces, peak RSS, and parser
// throughput on the shared corpus of real Kiro files. Run `npm run bench` (builds first), or
// `node scripts/bench.mjs [--quick] [--json]` after a build. Progress goes to stderr, the report to stdout.
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measureParseThroughput } from "./bench/parse-throughput.mjs";
import { benchCommand, chooseRssMethod } from "./bench/run-cli.mjs";
import { ensureWorkspace, GENERATOR_VERSION } from "./bench/workspace.mjs";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const benchDirectory = join(repository, ".bench");
const distDirectory = join(repository, "dist");
const cli = join(distDirectory, "cli", "main.js");
const corpusDirectory = resolve(repository, "..", "shared", "corpus", "kiro");

const USAGE = `usage: node scripts/bench.mjs [--quick] [--json]

  --quick  only the 1,000-spec workspace, 3 timed runs per command, shorter parse loops
  --json   print the results as one JSON document (progress still goes to stderr)

Environment: BENCH_RSS=time|preload|none forces how peak RSS is measured.`;

const flags = new Set(process.argv.slice(2));
if (flags.has("--help") || flags.has("-h")) {
  console.log(USAGE);
  process.exit(0);
}
for (const flag of flags) {
  if (flag !== "--quick" && flag !== "--json") {
    console.error(`unknown option ${flag}\n\n${USAGE}`);
    process.exit(2);
  }
}
const quick = flags.has("--quick");
const json = flags.has("--json");

const progress = (line) => process.stderr.write(`${line}\n`);

if (!existsSync(cli)) {
  console.error(
    `${relative(process.cwd(), cli)} is missing: build first (npx tsc -p tsconfig.build.json, or npm run bench).`,
  );
  process.exit(1);
}

// Targets, compared against the median time (and peak RSS where given).
const TARGETS = {
  version: { maxSeconds: 0.1 },
  "status@1000": { maxSeconds: 0.25 },
  "check@1000": { maxSeconds: 0.25 },
  "check@10000": { maxSeconds: 2, maxRssMB: 200 },
};

function targetText(target) {
  if (!target) return "";
  const parts = [`< ${target.maxSeconds} s`];
  if (target.maxRssMB !== undefined) parts.push(`≤ ${target.maxRssMB} MB`);
  return parts.join(", ");
}

function verdict(target, measured) {
  if (!target || !measured.available) return undefined;
  if (measured.exitCode === 2 || measured.signal) return "misses target";
  let meets = measured.seconds.median < target.maxSeconds;
  if (target.maxRssMB !== undefined) {
    meets &&= measured.peakRssMB !== undefined && measured.peakRssMB <= target.maxRssMB;
  }
  return meets ? "meets target" : "misses target";
}

// ---- 1. Workspaces -------------------------------------------------------------------------------------

const sizes = quick ? [1000] : [1000, 10000];
const workspaces = new Map();
for (const size of sizes) {
  progress(`workspace: ${size} specs …`);
  const workspace = ensureWorkspace(benchDirectory, size);
  workspaces.set(size, workspace);
  progress(
    workspace.generated
      ? `  generated ${workspace.files} files in ${workspace.seconds.toFixed(2)} s → ${relative(repository, workspace.root)}`
      : `  reused ${relative(repository, workspace.root)} (generator v${GENERATOR_VERSION})`,
  );
}

// ---- 2. CLI timings ------------------------------------------------------------------------------------

// The check cache of the benchmark's workspaces stays in .bench/, not in the user's cache folder.
process.env.SPECWRIGHT_CACHE_DIR = join(benchDirectory, "check-cache");
const fastRuns = quick ? 3 : 10;
const slowRuns = 3;
// The first row is the floor: an empty Node process, which no CLI command can beat.
const plan = [
  { label: "node -e '' (baseline)", nodeArgs: ["-e", ""], size: 1000 },
  { args: ["--version"], size: 1000, target: "version" },
  { args: ["export", "spec-0001", "--json"], size: 1000 },
  { args: ["status", "--no-cache"], size: 1000, target: "status@1000" },
  { args: ["status"], size: 1000, target: "status@1000" },
  { args: ["status", "--json"], size: 1000 },
  { args: ["list", "--json"], size: 1000 },
  { args: ["status"], size: 10000 },
  // Cold: every spec read, parsed and checked. Warm: the warm-up run filled the check cache, so unchanged
  // specs are only stat()ed; this is a developer's or a CI cache's second run.
  { args: ["check", "--no-cache"], size: 1000, target: "check@1000" },
  { args: ["check"], size: 1000, target: "check@1000" },
  { args: ["check", "--no-cache"], size: 10000, target: "check@10000" },
  { args: ["check"], size: 10000, target: "check@10000" },
].filter((entry) => workspaces.has(entry.size));

const rssMethod = chooseRssMethod(benchDirectory);
progress(`peak RSS: ${rssMethod.note}`);

const commands = [];
for (const entry of plan) {
  const command = entry.label ?? `specwright ${entry.args.join(" ")}`;
  const runs = entry.size >= 10000 ? slowRuns : fastRuns;
  progress(`timing: ${command} on ${entry.size} specs (1 warm-up + ${runs}) …`);
  const measured = benchCommand({
    nodeArgs: entry.nodeArgs ?? [cli, ...entry.args],
    cwd: workspaces.get(entry.size).root,
    runs,
    rssMethod,
    scratch: benchDirectory,
  });
  const target = TARGETS[entry.target];
  commands.push({
    command,
    workspace: entry.size,
    ...measured,
    target: target ? { ...target, text: targetText(target) } : undefined,
    verdict: verdict(target, measured),
  });
}

// ---- 3. Parse throughput -------------------------------------------------------------------------------

progress(`parse throughput: ${relative(repository, corpusDirectory)} …`);
const parse = await measureParseThroughput({ corpusDirectory, distDirectory, minSeconds: quick ? 0.25 : 1 });

// ---- 4. Report -----------------------------------------------------------------------------------------

const environment = {
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpu: cpus()[0]?.model ?? "unknown",
  cpus: cpus().length,
  loadAverage: loadavg(),
  quick,
};

if (json) {
  console.log(
    JSON.stringify(
      {
        environment,
        generatorVersion: GENERATOR_VERSION,
        workspaces: [...workspaces.values()].map(({ root, ...rest }) => ({
          ...rest,
          root: relative(repository, root),
        })),
        peakRssMethod: rssMethod.name,
        commands,
        parse,
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

function table(headers, rows, alignRight) {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => String(row[i]).length)));
  const pad = (cell, i) => (alignRight.has(i) ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]));
  const lines = [headers.map(pad).join("  ").trimEnd(), widths.map((width) => "─".repeat(width)).join("  ")];
  for (const row of rows) lines.push(row.map(pad).join("  ").trimEnd());
  return lines.join("\n");
}

const seconds = (value) => value.toFixed(3);
const out = [];
out.push(
  `Specwright benchmark — node ${environment.node}, ${environment.platform}, ${environment.cpus} × ${environment.cpu}, load ${environment.loadAverage.map((load) => load.toFixed(2)).join(" ")}${quick ? " (quick)" : ""}`,
  "",
);
for (const workspace of workspaces.values()) {
  out.push(
    `workspace ${String(workspace.specs).padStart(5)} specs: ${
      workspace.generated ? `generated in ${workspace.seconds.toFixed(2)} s` : "reused"
    } (${relative(repository, workspace.root)})`,
  );
}
out.push(
  "",
  `CLI, whole process (1 warm-up, then ${fastRuns} runs; ${slowRuns} on 10k); peak RSS: ${rssMethod.note}`,
  "",
);

const commandRows = commands.map((row) => {
  if (!row.available)
    return [row.command, row.workspace, "", "", "", "", "", "", row.target?.text ?? "", "n/a (command not available)"];
  const notes = [];
  if (row.exitCode !== 0) notes.push(`exit ${row.exitCode ?? row.signal}`);
  if (row.stdoutBytes === 0) notes.push("no output");
  if (row.exitCode === 2 && row.stderrFirstLine) notes.push(row.stderrFirstLine.slice(0, 60));
  return [
    row.command,
    row.workspace,
    seconds(row.seconds.min),
    seconds(row.seconds.median),
    seconds(row.seconds.max),
    row.peakRssMB === undefined ? "n/a" : row.peakRssMB.toFixed(1),
    row.cpuSeconds === undefined ? "n/a" : seconds(row.cpuSeconds),
    (row.stdoutBytes / 1024).toFixed(1),
    row.target?.text ?? "",
    [row.verdict, ...notes].filter(Boolean).join("; "),
  ];
});
out.push(
  table(
    ["command", "specs", "min s", "median s", "max s", "peak RSS MB", "cpu s", "stdout KB", "target", "result"],
    commandRows,
    new Set([1, 2, 3, 4, 5, 6, 7]),
  ),
  "",
  "Targets are checked against the median wall time. cpu s = user + system CPU of the one RSS run.",
  "",
);
if (environment.loadAverage[0] > environment.cpus) {
  out.push(
    `Warning: load average ${environment.loadAverage[0].toFixed(2)} on ${environment.cpus} CPUs at the end of the run; wall times are inflated, cpu s is steadier.`,
    "",
  );
}

if (parse.skipped) {
  out.push(`Parse throughput: skipped (${parse.skipped}).`);
} else {
  out.push(
    `Parse throughput on ${relative(repository, parse.corpusDirectory)} (${parse.filesFound} files, ${parse.filesWithoutParser} with no parser; each kind ≥ ${quick ? 0.25 : 1} s after a warm-up pass)`,
    "",
  );
  const parseRows = parse.kinds.map((row) =>
    row.skipped
      ? [row.kind, row.files, (row.bytesPerPass / 1024).toFixed(1), "", "", "", `skipped: ${row.skipped}`]
      : [
          row.kind,
          row.files,
          (row.bytesPerPass / 1024).toFixed(1),
          row.passes,
          row.mbPerSecond.toFixed(2),
          Math.round(row.filesPerSecond),
          row.throwing.length
            ? `${row.throwing.length} file(s) threw, excluded: ${row.throwing[0].error.slice(0, 60)}`
            : "",
        ],
  );
  if (parse.overall) {
    parseRows.push(["overall", "", "", "", parse.overall.mbPerSecond.toFixed(2), "", ""]);
  }
  out.push(
    table(["kind", "files", "KB/pass", "passes", "MB/s", "files/s", "notes"], parseRows, new Set([1, 2, 3, 4, 5])),
  );
}
console.log(out.join("\n"));
