// Parses every file of the shared corpus of real Kiro files with its parser from dist/, and reports MB/s.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, sep } from "node:path";
import { pathToFileURL } from "node:url";

/** Each kind: which files it takes, and where its parser lives in dist/ (loaded if it exists). */
const KINDS = [
  { kind: "requirements", module: "model/requirements/index.js", exportName: "parseRequirements" },
  { kind: "design", module: "model/design/index.js", exportName: "parseDesign" },
  { kind: "tasks", module: "model/tasks/parse-tasks.js", exportName: "parseTasks" },
  { kind: "bugfix", module: "model/bugfix/index.js", exportName: "parseBugfix" },
  { kind: "steering", module: "model/steering/index.js", exportName: "parseSteering" },
  { kind: "hook (.kiro.hook)", module: "model/hooks/index.js", exportName: "parseLegacyHook" },
  { kind: "hook (hooks/*.json)", module: "model/hooks/index.js", exportName: "parseHookFile" },
  { kind: "mcp.json", module: "model/settings/index.js", exportName: "parseMcpSettings" },
  { kind: ".config.kiro", module: "model/settings/index.js", exportName: "parseSpecConfig" },
];

/** The kind of a corpus file from its path, or undefined for files no parser reads. */
function kindOf(path) {
  const parts = path.split(sep);
  const name = basename(path);
  const kiro = parts.lastIndexOf(".kiro");
  if (kiro < 0) return undefined;
  const area = parts[kiro + 1];
  if (area === "specs" && parts.length === kiro + 4) {
    if (name === "requirements.md") return "requirements";
    if (name === "design.md") return "design";
    if (name === "tasks.md") return "tasks";
    if (name === "bugfix.md") return "bugfix";
    if (name === ".config.kiro") return ".config.kiro";
    return undefined;
  }
  if (area === "steering" && name.endsWith(".md")) return "steering";
  if (area === "hooks" && parts.length === kiro + 3) {
    if (name.endsWith(".kiro.hook")) return "hook (.kiro.hook)";
    if (name.endsWith(".json")) return "hook (hooks/*.json)";
  }
  if (area === "settings" && name === "mcp.json") return "mcp.json";
  return undefined;
}

function* walk(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

async function loadParser(distDirectory, { module, exportName }) {
  try {
    const loaded = await import(pathToFileURL(join(distDirectory, module)).href);
    return typeof loaded[exportName] === "function" ? loaded[exportName] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses each kind's files over and over until at least `minSeconds` have passed (after one warm-up pass),
 * and returns bytes, passes, seconds and MB/s per kind and overall. Returns `{ skipped }` when the corpus
 * folder is absent.
 */
export async function measureParseThroughput({ corpusDirectory, distDirectory, minSeconds }) {
  let paths;
  try {
    paths = [...walk(corpusDirectory)];
  } catch {
    return { skipped: `corpus folder not found: ${corpusDirectory}` };
  }
  const filesByKind = new Map(KINDS.map(({ kind }) => [kind, []]));
  let unparsed = 0;
  for (const path of paths) {
    const kind = kindOf(path);
    if (kind === undefined) unparsed++;
    else filesByKind.get(kind).push({ path, text: readFileSync(path, "utf8") });
  }

  const kinds = [];
  let totalBytes = 0;
  let totalSeconds = 0;
  for (const spec of KINDS) {
    const files = filesByKind.get(spec.kind);
    const bytesPerPass = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
    const row = { kind: spec.kind, parser: `${spec.module} ${spec.exportName}`, files: files.length, bytesPerPass };
    if (files.length === 0) {
      kinds.push({ ...row, skipped: "no files in the corpus" });
      continue;
    }
    const parse = await loadParser(distDirectory, spec);
    if (!parse) {
      kinds.push({ ...row, skipped: "parser not built yet" });
      continue;
    }
    // Warm-up pass (JIT, lazy module state); it also finds the files the parser throws on.
    const throwing = [];
    for (const file of files) {
      try {
        parse(file.text);
      } catch (error) {
        throwing.push({ path: file.path, error: String(error?.message ?? error).split("\n")[0] });
      }
    }
    const good = files.filter((file) => !throwing.some((bad) => bad.path === file.path));
    const goodBytes = good.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
    let passes = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      for (const file of good) parse(file.text);
      passes++;
      elapsed = (performance.now() - started) / 1000;
    } while (elapsed < minSeconds);
    const bytes = goodBytes * passes;
    totalBytes += bytes;
    totalSeconds += elapsed;
    kinds.push({
      ...row,
      passes,
      seconds: elapsed,
      mbPerSecond: bytes / 1e6 / elapsed,
      filesPerSecond: (good.length * passes) / elapsed,
      throwing,
    });
  }
  return {
    corpusDirectory,
    filesFound: paths.length,
    filesWithoutParser: unparsed,
    kinds,
    overall:
      totalSeconds > 0
        ? { bytes: totalBytes, seconds: totalSeconds, mbPerSecond: totalBytes / 1e6 / totalSeconds }
        : undefined,
  };
}
