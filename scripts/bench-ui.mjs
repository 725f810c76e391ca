#!/usr/bin/env node
// The dashboard's benchmark: time to first paint and to rendered cards of the board on a 1,000-spec
// workspace in real Chromium, and the size of the client bundle (raw and gzip). Needs `npm run build`
// (`npm run bench:ui` builds first). Usage: node scripts/bench-ui.mjs [--specs N] [--runs N]
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { ensureWorkspace } from "./bench/workspace.mjs";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const assets = join(repository, "dist", "dashboard", "assets");
const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const specCount = argument("--specs", 1000);
const runs = argument("--runs", 5);
const chromiumArguments = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function kilobytes(bytes) {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function sizeOf(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(assets, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip };
}

function bundleSizes() {
  const index = readFileSync(join(repository, "dist", "dashboard", "index.html"), "utf8");
  const entry = [...index.matchAll(/(?:src|href)="\.\/assets\/([^"]+)"/g)].map((match) => match[1]);
  const all = readdirSync(assets).filter((file) => statSync(join(assets, file)).isFile());
  const onDemand = all.filter((file) => /^(render-markdown|render-diff-html|load-uplot|purify\.es)-/.test(file));
  const mermaid = all.filter((file) => !entry.includes(file) && !onDemand.includes(file));
  return {
    entry: { files: entry, ...sizeOf(entry) },
    onDemand: { files: onDemand, ...sizeOf(onDemand) },
    mermaid: {
      files: mermaid,
      ...sizeOf(mermaid),
      core: sizeOf(mermaid.filter((file) => file.startsWith("mermaid.core-"))),
    },
    total: { files: all, ...sizeOf(all) },
  };
}

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measureBoard(browser, dashboard) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The token URL sets the cookie and redirects to `/`: that navigation is the one measured.
  await page.goto(dashboard.url, { waitUntil: "commit" });
  await page.waitForSelector(".card", { timeout: 60_000 });
  const timing = await page.evaluate(() => {
    const paint = Object.fromEntries(
      performance.getEntriesByType("paint").map((entry) => [entry.name, entry.startTime]),
    );
    const board = performance.getEntriesByType("resource").find((entry) => entry.name.endsWith("/api/board"));
    return {
      cardsAt: performance.getEntriesByName("specwright:board-rendered")[0]?.startTime,
      renderAfterResponse:
        board === undefined
          ? undefined
          : (performance.getEntriesByName("specwright:board-rendered")[0]?.startTime ?? 0) - board.responseEnd,
      firstPaint: paint["first-paint"],
      firstContentfulPaint: paint["first-contentful-paint"],
      boardRequest: board === undefined ? undefined : board.responseEnd - board.startTime,
      boardRequestStart: board?.startTime,
      boardResponseEnd: board?.responseEnd,
      cards: document.querySelectorAll(".card").length,
      total: document.querySelector(".toolbar .count")?.textContent ?? "",
    };
  });
  await context.close();
  return timing;
}

const workspaceParent = mkdtempSync(join(tmpdir(), "specwright-bench-ui-"));
try {
  const workspace = ensureWorkspace(workspaceParent, specCount);
  const { serveDashboard } = await import(
    pathToFileURL(join(repository, "dist", "ui", "server", "serve-dashboard.js")).href
  );
  const dashboard = await serveDashboard({
    roots: [{ id: "0", path: workspace.root, name: "bench" }],
    log: () => {},
    openSession: async () => {
      throw new Error("The benchmark starts no run.");
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.SPECWRIGHT_CHROMIUM || "/usr/bin/chromium",
    args: chromiumArguments,
  });
  const measured = [];
  try {
    // One warm-up: the server's first board builds its caches, as a real first visit would.
    await measureBoard(browser, dashboard);
    for (let run = 0; run < runs; run++) measured.push(await measureBoard(browser, dashboard));
  } finally {
    await browser.close();
    await dashboard.close();
  }
  const sizes = bundleSizes();
  const last = measured.at(-1);
  const pick = (key) => median(measured.map((timing) => timing[key]).filter((value) => typeof value === "number"));
  console.log(
    `Dashboard board, ${specCount} specs (${workspace.files} files), Chromium headless, median of ${runs} after a warm-up:`,
  );
  console.log(`  first paint               ${pick("firstPaint").toFixed(0)} ms`);
  console.log(`  first contentful paint    ${pick("firstContentfulPaint").toFixed(0)} ms`);
  console.log(
    `  GET /api/board            ${pick("boardRequest").toFixed(0)} ms  (sent at ${pick("boardRequestStart").toFixed(0)} ms, answered at ${pick("boardResponseEnd").toFixed(0)} ms)`,
  );
  console.log(
    `  cards painted             ${pick("cardsAt").toFixed(0)} ms  (${last.cards} cards shown, "${last.total}"; times from navigation start)`,
  );
  console.log(
    `  client render             ${pick("renderAfterResponse").toFixed(0)} ms from the board's response to painted cards`,
  );
  console.log("Client bundle (dist/dashboard/assets):");
  console.log(`  entry (${sizes.entry.files.join(", ")})`);
  console.log(`                            ${kilobytes(sizes.entry.raw)} raw, ${kilobytes(sizes.entry.gzip)} gzip`);
  console.log(
    `  on demand (markdown, diffs, chart)  ${kilobytes(sizes.onDemand.raw)} raw, ${kilobytes(sizes.onDemand.gzip)} gzip`,
  );
  console.log(
    `  mermaid (lazy, ${sizes.mermaid.files.length} chunks)  ${kilobytes(sizes.mermaid.raw)} raw, ${kilobytes(sizes.mermaid.gzip)} gzip; mermaid.core ${kilobytes(sizes.mermaid.core.raw)} raw, ${kilobytes(sizes.mermaid.core.gzip)} gzip`,
  );
  console.log(
    `  total (${sizes.total.files.length} files)        ${kilobytes(sizes.total.raw)} raw, ${kilobytes(sizes.total.gzip)} gzip`,
  );
} finally {
  rmSync(workspaceParent, { recursive: true, force: true });
}
