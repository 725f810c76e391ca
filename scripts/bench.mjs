#!/usr/bin/env node
// Specwright benchmark: whole-process CLI timings on a generated 1,000-spec workspace side by side with
// OpenSpec (installed at bench time into a temp folder), real-sized workspaces copied from the shared corpus,
// the in-process re-check after one edit, peak RSS, and parser throughput. `npm run bench` builds first;
// `node scripts/bench.mjs [--quick] [--json]` after a build. Progress goes to stderr, the report to stdout.
import { appendFileSync, existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measureIncremental } from "./bench/incremental.mjs";
import { ensureOpenSpec, ensureOpenSpecWorkspace, OPENSPEC_VERSION, openSpecEnvironment } from "./bench/openspec.mjs";
import { measureParseThroughput } from "./bench/parse-throughput.mjs";
import { createRealWorkspace } from "./bench/real-workspace.mjs";
import { benchAlternating, benchCommand, chooseRssMethod } from "./bench/run-cli.mjs";
import { ensureWorkspace, GENERATOR_VERSION } from "./bench/workspace.mjs";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const benchDirectory = join(repository, ".bench");
const distDirectory = join(repository, "dist");
const cli = join(distDirectory, "cli", "main.js");
const corpusDirectory = resolve(repository, "..", "shared", "corpus", "kiro");

const USAGE = `usage: node scripts/bench.mjs [--quick] [--json]

  --quick  3 runs instead of 7, 1,000 real-sized specs instead of 10,000, shorter parse loops
  --json   print the results as one JSON document (progress still goes to stderr)

Environment: BENCH_RSS=time|preload|none forces how peak RSS is measured; BENCH_NO_OPENSPEC=1 skips OpenSpec.`;

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
  console.error(`${relative(process.cwd(), cli)} is missing: build first (npm run build, or npm run bench).`);
  process.exit(1);
}

const runs = quick ? 3 : 7;
const slowRuns = 3;
const realSize = quick ? 1000 : 10000;
const rssMethod = chooseRssMethod(benchDirectory);
progress(`peak RSS: ${rssMethod.note}`);
// The check cache of the benchmark's workspaces stays in .bench/, not in the user's cache folder.
process.env.SPECWRIGHT_CACHE_DIR = join(benchDirectory, "check-cache");
const specwright = (args) => [cli, ...args];

const rows = [];
function record(section, command, workspace, measured, target) {
  const row = { section, command, workspace, ...measured, ...(target ? { target } : {}) };
  rows.push(row);
  return row;
}

// ---- 1. Start-up ---------------------------------------------------------------------------------------

progress("workspace: 1000 generated specs …");
const generated = ensureWorkspace(benchDirectory, 1000);
progress(`timing: node -e '' and specwright --version, alternated (${runs} runs) …`);
const [floor, version] = benchAlternating({
  commands: [
    { nodeArgs: ["-e", ""], cwd: generated.root },
    { nodeArgs: specwright(["--version"]), cwd: generated.root },
  ],
  runs,
  rssMethod,
  scratch: benchDirectory,
});
record("start-up", "node -e '' (the floor)", 1000, floor);
const versionRow = record("start-up", "specwright --version", 1000, version, "≤ floor + 10 ms");
versionRow.meets = version.seconds.median - floor.seconds.median <= 0.01;

// ---- 2. Cold check against OpenSpec --------------------------------------------------------------------

const openSpec = process.env.BENCH_NO_OPENSPEC ? { error: "skipped (BENCH_NO_OPENSPEC)" } : ensureOpenSpec();
const coldCheck = { nodeArgs: specwright(["check", "--format", "json", "--no-cache"]), cwd: generated.root };
let ratio;
// CPU time (user + system) is steadier than wall time on a machine other work shares.
let cpuRatio;
if (openSpec.error) {
  progress(`OpenSpec: ${openSpec.error}`);
  record(
    "cold",
    "specwright check --format json --no-cache",
    1000,
    benchCommand({ ...coldCheck, runs, rssMethod, scratch: benchDirectory }),
  );
} else {
  const workspace = ensureOpenSpecWorkspace(benchDirectory, 1000);
  progress(`timing: cold check vs OpenSpec ${OPENSPEC_VERSION} validate, alternated (${runs} runs) …`);
  const [ours, theirs] = benchAlternating({
    commands: [
      coldCheck,
      {
        nodeArgs: [openSpec.bin, "validate", "--specs", "--strict", "--json"],
        cwd: workspace.root,
        env: openSpecEnvironment(join(benchDirectory, "openspec-home")),
      },
    ],
    runs,
    rssMethod,
    scratch: benchDirectory,
  });
  ratio = ours.seconds.median / theirs.seconds.median;
  const row = record("cold", "specwright check --format json --no-cache", 1000, ours, "≤ 0.5× OpenSpec (aim 0.25×)");
  row.meets = ratio <= 0.5;
  row.ratio = ratio;
  if (ours.cpuSeconds !== undefined && theirs.cpuSeconds) cpuRatio = ours.cpuSeconds / theirs.cpuSeconds;
  record("cold", `openspec validate --specs --strict --json (${OPENSPEC_VERSION})`, 1000, theirs);
}

// ---- 3. Other commands on the 1,000 generated specs ----------------------------------------------------

const others = [
  { args: ["check", "--format", "json"], label: "warm: unchanged specs come from the cache" },
  { args: ["status", "--no-cache"], target: "< 0.3 s", max: 0.3 },
  { args: ["status"] },
  { args: ["status", "--json"] },
  { args: ["list", "--json"] },
  { args: ["export", "spec-0001", "--json"] },
];
for (const entry of others) {
  progress(`timing: specwright ${entry.args.join(" ")} (${runs} runs) …`);
  const measured = benchCommand({
    nodeArgs: specwright(entry.args),
    cwd: generated.root,
    runs,
    rssMethod,
    scratch: benchDirectory,
  });
  const row = record("1,000 generated", `specwright ${entry.args.join(" ")}`, 1000, measured, entry.target);
  if (entry.max !== undefined) row.meets = measured.available && measured.seconds.median < entry.max;
}

// ---- 4. Real-sized specs -------------------------------------------------------------------------------

progress(`workspace: ${realSize} real-sized specs copied from the corpus into a temp folder …`);
const real = createRealWorkspace(corpusDirectory, realSize);
let realNote;
let incremental;
if (real.skipped) {
  realNote = real.skipped;
} else {
  realNote = `${real.specs} specs (copies of the corpus's ${real.corpusSpecs}), ${(real.bytes / 1e6).toFixed(0)} MB, written in ${real.seconds.toFixed(1)} s`;
  try {
    progress(`timing: cold check on ${realSize} real-sized specs (${slowRuns} runs) …`);
    const cold = benchCommand({
      nodeArgs: specwright(["check", "--format", "json", "--no-cache"]),
      cwd: real.root,
      runs: slowRuns,
      rssMethod,
      scratch: benchDirectory,
    });
    const row = record("real-sized", "specwright check --format json --no-cache", realSize, cold, "< 5 s, ≤ 400 MB");
    row.meets = cold.available && cold.seconds.median < 5 && (cold.peakRssMB ?? 0) <= 400;
    const edited = join(real.root, ".kiro", "specs", "spec-0001", "tasks.md");
    let edits = 0;
    progress(`timing: check after editing one spec of ${realSize} (${slowRuns} runs) …`);
    const warm = benchCommand({
      nodeArgs: specwright(["check", "--format", "json"]),
      cwd: real.root,
      runs: slowRuns,
      rssMethod,
      scratch: benchDirectory,
      before: () => appendFileSync(edited, `\n<!-- edit ${edits++} -->\n`),
    });
    record("real-sized", "specwright check --format json, one spec edited", realSize, warm);
    progress(`timing: in-process re-check after one edit of ${realSize} (${runs} edits) …`);
    incremental = await measureIncremental({ distDirectory, root: real.root, spec: "spec-0002", edits: runs });
  } finally {
    real.remove();
  }
}

// ---- 5. Parse throughput -------------------------------------------------------------------------------

progress(`parse throughput: ${relative(repository, corpusDirectory)} …`);
const parse = await measureParseThroughput({ corpusDirectory, distDirectory, minSeconds: quick ? 0.25 : 1 });

// ---- 6. Report -----------------------------------------------------------------------------------------

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
        peakRssMethod: rssMethod.name,
        openSpec: openSpec.error ?? OPENSPEC_VERSION,
        ratio,
        cpuRatio,
        real: realNote,
        commands: rows,
        incremental,
        parse,
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

function table(headers, tableRows, alignRight) {
  const widths = headers.map((header, i) => Math.max(header.length, ...tableRows.map((row) => String(row[i]).length)));
  const pad = (cell, i) => (alignRight.has(i) ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]));
  const lines = [headers.map(pad).join("  ").trimEnd(), widths.map((width) => "─".repeat(width)).join("  ")];
  for (const row of tableRows) lines.push(row.map(pad).join("  ").trimEnd());
  return lines.join("\n");
}

const seconds = (value) => value.toFixed(3);
const verdict = (row) => (row.meets === undefined ? "" : row.meets ? "meets" : "misses");
const out = [
  `Specwright benchmark — node ${environment.node}, ${environment.platform}, ${environment.cpus} × ${environment.cpu}, load ${environment.loadAverage.map((load) => load.toFixed(2)).join(" ")}${quick ? " (quick)" : ""}`,
  "",
  `Whole processes; median of ${runs} runs (${slowRuns} on real-sized specs) after a warm-up run; rows of one section with`,
  "the same workspace ran alternated. peak RSS and cpu s come from one more run.",
  `Real-sized workspace: ${realNote}.`,
  "",
  table(
    ["section", "command", "specs", "min s", "median s", "max s", "peak RSS MB", "cpu s", "target", "result"],
    rows.map((row) =>
      row.available === false
        ? [row.section, row.command, row.workspace, "", "", "", "", "", row.target ?? "", "n/a"]
        : [
            row.section,
            row.command,
            row.workspace,
            seconds(row.seconds.min),
            seconds(row.seconds.median),
            seconds(row.seconds.max),
            row.peakRssMB === undefined ? "n/a" : row.peakRssMB.toFixed(1),
            row.cpuSeconds === undefined ? "n/a" : seconds(row.cpuSeconds),
            row.target ?? "",
            [verdict(row), row.exitCode !== 0 ? `exit ${row.exitCode ?? row.signal}` : ""].filter(Boolean).join("; "),
          ],
    ),
    new Set([2, 3, 4, 5, 6, 7]),
  ),
  "",
  `--version − node -e '': ${((version.seconds.median - floor.seconds.median) * 1000).toFixed(1)} ms`,
  ratio === undefined
    ? `OpenSpec: ${openSpec.error}`
    : `cold check / OpenSpec ${OPENSPEC_VERSION} validate: ${ratio.toFixed(2)}× wall${cpuRatio === undefined ? "" : `, ${cpuRatio.toFixed(2)}× CPU`} (target ≤ 0.5×, aim 0.25×)`,
  incremental === undefined || incremental.skipped
    ? `in-process re-check after one edit: ${incremental?.skipped ?? "not measured"}`
    : `in-process re-check after one edit of ${realSize}: median ${incremental.milliseconds.median.toFixed(1)} ms (min ${incremental.milliseconds.min.toFixed(1)}, max ${incremental.milliseconds.max.toFixed(1)}; target < 50 ms), session opened in ${incremental.openSeconds.toFixed(2)} s`,
  "",
];
if (environment.loadAverage[0] > environment.cpus) {
  out.push(
    `Warning: load average ${environment.loadAverage[0].toFixed(2)} on ${environment.cpus} CPUs: wall times are inflated; compare rows of one run (the floor, the OpenSpec ratio).`,
    "",
  );
}
if (parse.skipped) {
  out.push(`Parse throughput: skipped (${parse.skipped}).`);
} else {
  out.push(
    `Parse throughput on ${relative(repository, parse.corpusDirectory)} (${parse.filesFound} files, ${parse.filesWithoutParser} with no parser; each kind ≥ ${quick ? 0.25 : 1} s after a warm-up pass)`,
    "",
    table(
      ["kind", "files", "KB/pass", "passes", "MB/s", "files/s", "notes"],
      [
        ...parse.kinds.map((row) =>
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
        ),
        ...(parse.overall ? [["overall", "", "", "", parse.overall.mbPerSecond.toFixed(2), "", ""]] : []),
      ],
      new Set([1, 2, 3, 4, 5]),
    ),
  );
}
console.log(out.join("\n"));
