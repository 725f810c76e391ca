// Times whole CLI processes and measures their peak resident set size.
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";
const MAX_BUFFER = 512 * 1024 * 1024;

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * How peak RSS is measured. GNU time reports the child's getrusage maxrss. Without it, a preload module
 * (`node --import`) makes the CLI process write its own `process.resourceUsage().maxRSS` when it exits;
 * that is the same number, read from inside. `BENCH_RSS=preload|time|none` forces a method.
 */
export function chooseRssMethod(benchDirectory) {
  const forced = process.env.BENCH_RSS;
  if (forced === "none") return { name: "none", note: "peak RSS disabled (BENCH_RSS=none)" };
  if (forced !== "preload" && isExecutable(GNU_TIME)) {
    return { name: "time", note: `${GNU_TIME} -f "%M %U %S" (the child's maxrss and CPU time)` };
  }
  if (forced === "time") return { name: "none", note: `${GNU_TIME} not found (install it: apt-get install time)` };
  mkdirSync(benchDirectory, { recursive: true });
  const preload = join(benchDirectory, "rss-preload.mjs");
  writeFileSync(
    preload,
    [
      'import { writeFileSync } from "node:fs";',
      "const target = process.env.SPECWRIGHT_BENCH_RSS_FILE;",
      "const usage = () => process.resourceUsage();",
      "const line = (u) => [u.maxRSS, u.userCPUTime / 1e6, u.systemCPUTime / 1e6].join(' ');",
      "if (target) process.on('exit', () => writeFileSync(target, line(usage())));",
      "",
    ].join("\n"),
  );
  return {
    name: "preload",
    preload,
    note: `${GNU_TIME} not found; the CLI reports its own process.resourceUsage().maxRSS via a --import preload`,
  };
}

function isUnknownCommand(result) {
  return result.status === 2 && /unknown command/i.test(`${result.stderr}\n${result.stdout}`);
}

function runOnce(nodeArgs, cwd, env, before) {
  before?.();
  const started = performance.now();
  const result = spawnSync(process.execPath, nodeArgs, {
    cwd,
    env,
    encoding: "utf8",
    maxBuffer: MAX_BUFFER,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.error) throw result.error;
  return { seconds, result };
}

/** Peak RSS (MB) and CPU time (user + system, s) of one run of the CLI; {} when they cannot be measured. */
function measureUsage(method, nodeArgs, cwd, scratch, env = process.env, before = undefined) {
  if (method.name === "none") return {};
  before?.();
  const output = join(scratch, `rss-${process.pid}.txt`);
  rmSync(output, { force: true });
  let result;
  if (method.name === "time") {
    result = spawnSync(GNU_TIME, ["-f", "%M %U %S", "-o", output, process.execPath, ...nodeArgs], {
      cwd,
      env,
      maxBuffer: MAX_BUFFER,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } else {
    result = spawnSync(process.execPath, ["--import", method.preload, ...nodeArgs], {
      cwd,
      maxBuffer: MAX_BUFFER,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...env, SPECWRIGHT_BENCH_RSS_FILE: output },
    });
  }
  if (result.error) return {};
  try {
    // GNU time may prefix "Command exited with non-zero status N"; the numbers are on the last line.
    const lines = readFileSync(output, "utf8").trim().split("\n");
    const [kilobytes, user, system] = (lines[lines.length - 1] ?? "").split(/\s+/).map(Number);
    return {
      peakRssMB: Number.isFinite(kilobytes) && kilobytes > 0 ? kilobytes / 1024 : undefined,
      cpuSeconds: Number.isFinite(user) && Number.isFinite(system) ? user + system : undefined,
    };
  } catch {
    return {};
  } finally {
    rmSync(output, { force: true });
  }
}

function median(sorted) {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summary(times, last) {
  times.sort((a, b) => a - b);
  const stderr = last.stderr.trim();
  return {
    available: true,
    exitCode: last.status,
    signal: last.signal ?? undefined,
    stdoutBytes: Buffer.byteLength(last.stdout),
    stderrFirstLine: stderr ? stderr.split("\n")[0] : undefined,
    seconds: { min: times[0], median: median(times), max: times[times.length - 1] },
    runs: times.length,
  };
}

/**
 * Runs `node <nodeArgs>` in `cwd`: one warm-up run, then `runs` timed runs, then one run for peak RSS and
 * CPU time. A command the CLI does not know yet (exit 2, "unknown command") is reported as unavailable.
 * `before` runs before each run (outside the timing), e.g. to edit a file.
 */
export function benchCommand({ nodeArgs, cwd, runs, rssMethod, scratch, env = process.env, before }) {
  return benchAlternating({ commands: [{ nodeArgs, cwd, env, before }], runs, rssMethod, scratch })[0];
}

/**
 * The same for several commands at once, alternated run by run (A B A B …), so that the load of a shared
 * machine falls on each of them alike; each gets its warm-up first and its RSS run last.
 */
export function benchAlternating({ commands, runs, rssMethod, scratch }) {
  const states = commands.map((command) => {
    const env = command.env ?? process.env;
    const warmUp = runOnce(command.nodeArgs, command.cwd, env, command.before);
    return { command, env, available: !isUnknownCommand(warmUp.result), last: warmUp.result, times: [] };
  });
  for (let i = 0; i < runs; i++) {
    for (const state of states) {
      if (!state.available) continue;
      const { seconds, result } = runOnce(state.command.nodeArgs, state.command.cwd, state.env, state.command.before);
      state.times.push(seconds);
      state.last = result;
    }
  }
  return states.map((state) =>
    state.available
      ? {
          ...summary(state.times, state.last),
          ...measureUsage(
            rssMethod,
            state.command.nodeArgs,
            state.command.cwd,
            scratch,
            state.env,
            state.command.before,
          ),
        }
      : { available: false },
  );
}
