#!/usr/bin/env node
// JSON worst-case benchmark (issue 13): about 1 MB of pathological JSON, parsed and checked by the library
// as `check`, `status` and `mcp install` do. Each case must stay linear: well under a second for 1 MB (before
// the fix: 48 s, 62 s and 18 s). Run `npm run bench:json` (builds first) or `node scripts/bench-json.mjs
// [--json]` after a build. Prints the median of 5 runs per case, and the diagnostics count as a sanity check.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(repository, "dist");
if (!existsSync(join(dist, "model", "json", "parse-json.js"))) {
  console.error("dist/ is missing or old: run `npm run build` first (npm run bench:json does).");
  process.exit(2);
}
const { parseJsonText } = await import(join(dist, "model", "json", "parse-json.js"));
const { parseMcpSettings } = await import(join(dist, "model", "settings", "parse-mcp-settings.js"));
const { parseSpecwrightSettings } = await import(join(dist, "model", "settings", "specwright-settings.js"));
const { mergeJsonServer } = await import(join(dist, "mcp", "install", "merge-json-server.js"));

const lines = (count, line) => Array.from({ length: count }, (_, index) => line(index)).join(",\n");
/** `count` servers without a command or url: one "incomplete server" diagnostic each. */
const manyServers = (count) =>
  `{\n  "mcpServers": {\n${lines(count, (index) => `    "server-${index}": {}`)}\n  }\n}\n`;
/** `count` keys the schema does not know: one "unknown property" diagnostic each. */
const manyUnknownKeys = (count) => `{\n${lines(count, (index) => `  "unknown-key-${index}": 1`)}\n}\n`;
/** `count` values without commas between them: one syntax error each. */
const manySyntaxErrors = (count) => `[${Array.from({ length: count }, () => '"abcdefghij"').join(" ")}]`;

// Each case at its full size and at half of it: a linear parser takes about twice as long for twice the input.
const cases = [
  // Not a Specwright parser: how fast this machine is right now, to read the other rows against.
  ["baseline: JSON.parse of the 50k servers", 50_000, manyServers, (text) => (JSON.parse(text) ? 0 : 1)],
  ["mcp.json, 50k servers (check, status)", 50_000, manyServers, (text) => parseMcpSettings(text).diagnostics.length],
  [
    "mcp.json, 50k servers (mcp install)",
    50_000,
    manyServers,
    (text) => (mergeJsonServer(text, "mcpServers", "specwright", { command: "npx" }).ok ? 0 : 1),
  ],
  [
    "specwright.json, 50k unknown keys",
    50_000,
    manyUnknownKeys,
    (text) => parseSpecwrightSettings(text).diagnostics.length,
  ],
  ["80k syntax errors", 80_000, manySyntaxErrors, (text) => parseJsonText(text).diagnostics.length],
  [
    "100,000 levels of nesting",
    100_000,
    (count) => "[".repeat(count),
    (text) => parseJsonText(text).diagnostics.length,
  ],
];

function median(text, run) {
  const times = [];
  let diagnostics = 0;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    diagnostics = run(text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[2] * 10) / 10, diagnostics };
}

const rows = [];
for (const [name, count, make, run] of cases) {
  const full = make(count);
  const half = median(make(count / 2), run);
  const measured = median(full, run);
  rows.push({
    case: name,
    bytes: Buffer.byteLength(full),
    medianMs: measured.ms,
    halfSizeMedianMs: half.ms,
    diagnostics: measured.diagnostics,
  });
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ node: process.version, rows }, null, 2));
} else {
  console.log(`Node ${process.version}, median of 5 runs`);
  for (const row of rows) {
    const size = `${(row.bytes / 1e6).toFixed(2)} MB`;
    const half = `(half size: ${row.halfSizeMedianMs} ms)`;
    console.log(
      `${row.case.padEnd(40)} ${size}  ${String(row.medianMs).padStart(7)} ms ${half.padEnd(22)} ${row.diagnostics} diagnostics`,
    );
  }
}
