// Re-check after one edit, in process, as the MCP server, `watch` and the dashboard do it: a check session
// keeps the parsed workspace and re-reads, re-parses and re-checks only the edited file's spec.
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Opens a session on `root`, then appends a line to one spec's requirements.md `edits` times. */
export async function measureIncremental({ distDirectory, root, spec, edits }) {
  let openCheckSession;
  try {
    ({ openCheckSession } = await import(
      pathToFileURL(join(distDirectory, "engine", "check", "check-session.js")).href
    ));
  } catch {
    return { skipped: "no check session in this build (dist/engine/check/check-session.js)" };
  }
  const opened = performance.now();
  const session = await openCheckSession({ cwd: root, root });
  const openSeconds = (performance.now() - opened) / 1000;
  const file = join(root, ".kiro", "specs", spec, "requirements.md");
  const times = [];
  let rechecked;
  for (let edit = 0; edit < edits; edit++) {
    appendFileSync(file, `\nEdited by the benchmark (${edit}).\n`);
    const started = performance.now();
    rechecked = await session.update([file]);
    times.push(performance.now() - started);
  }
  await session.close?.();
  return {
    openSeconds,
    edits,
    milliseconds: { min: Math.min(...times), median: median(times), max: Math.max(...times) },
    rechecked: rechecked?.rechecked,
  };
}
