/** How many tests a run executed, as the test runner's own summary says. */
export interface TestCount {
  /** The runner whose summary was read: `node:test`, `vitest`, `jest`, `pytest`, `go test`, `cargo test`. */
  readonly runner: string;
  /** Tests that ran (passed or failed); skipped and todo ones do not count. */
  readonly executed: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

type Parser = (output: string) => TestCount | undefined;

/**
 * The executed-test count from a verification's output, or undefined when no known summary is there. The
 * runners are tried in a fixed order; several summaries of one runner (workspaces, cargo's crates) add up.
 */
export function parseTestCount(output: string): TestCount | undefined {
  const text = stripAnsi(output);
  for (const parser of PARSERS) {
    const count = parser(text);
    if (count !== undefined) return count;
  }
  return undefined;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are control characters.
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** node --test: `# tests 3`, `# pass 2`, `# fail 1`, `# skipped 0`, `# todo 0` (TAP) or `ℹ tests 3` (spec reporter). */
export const parseNodeTestCount: Parser = (output) => {
  const field = (name: string) => sumMatches(output, new RegExp(`^(?:#|ℹ) ${name} (\\d+)\\s*$`, "gm"));
  const tests = field("tests");
  if (tests === undefined) return undefined;
  const passed = field("pass") ?? 0;
  const failed = (field("fail") ?? 0) + (field("cancelled") ?? 0);
  const skipped = (field("skipped") ?? 0) + (field("todo") ?? 0);
  return { runner: "node:test", executed: passed + failed, passed, failed, skipped };
};

/** vitest: `Tests  1 failed | 3 passed | 1 skipped (5)`. */
export const parseVitestCount: Parser = (output) => {
  const lines = [...output.matchAll(/^\s*Tests\s{2,}(.+\(\d+\))\s*$/gm)].map((match) => match[1] ?? "");
  if (lines.length === 0) return undefined;
  return countFromParts("vitest", lines, /(\d+) (passed|failed|skipped|todo)/g);
};

/** jest: `Tests:       1 failed, 1 skipped, 2 passed, 4 total`. */
export const parseJestCount: Parser = (output) => {
  const lines = [...output.matchAll(/^Tests:\s+(.+ total)\s*$/gm)].map((match) => match[1] ?? "");
  if (lines.length === 0) return undefined;
  return countFromParts("jest", lines, /(\d+) (passed|failed|skipped|todo)/g);
};

/** pytest: `==== 1 failed, 2 passed, 1 skipped in 0.12s ====` (also `-q`'s bare `3 passed in 0.1s`). */
export const parsePytestCount: Parser = (output) => {
  const lines = [
    ...output.matchAll(
      /^=*\s*((?:\d+ (?:passed|failed|skipped|xfailed|xpassed|errors?|deselected|warnings?)(?:, )?)+) in [\d.]+s/gm,
    ),
  ].map((match) => match[1] ?? "");
  if (lines.length === 0) return undefined;
  const parts = { passed: 0, failed: 0, skipped: 0 };
  for (const line of lines) {
    for (const [, number = "0", word = ""] of line.matchAll(/(\d+) (\w+)/g)) {
      const value = Number(number);
      if (word === "passed" || word === "xpassed") parts.passed += value;
      else if (word === "failed" || word === "xfailed" || word.startsWith("error")) parts.failed += value;
      else if (word === "skipped" || word === "deselected") parts.skipped += value;
    }
  }
  return { runner: "pytest", executed: parts.passed + parts.failed, ...parts };
};

/** go test -v: one `--- PASS: TestName`, `--- FAIL:` or `--- SKIP:` line per top-level test. */
export const parseGoTestCount: Parser = (output) => {
  const results = [...output.matchAll(/^--- (PASS|FAIL|SKIP): \S+/gm)].map((match) => match[1]);
  if (results.length === 0) return undefined;
  const passed = results.filter((result) => result === "PASS").length;
  const failed = results.filter((result) => result === "FAIL").length;
  const skipped = results.filter((result) => result === "SKIP").length;
  return { runner: "go test", executed: passed + failed, passed, failed, skipped };
};

/** cargo test: `test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out`, one per test binary. */
export const parseCargoTestCount: Parser = (output) => {
  const lines = [...output.matchAll(/^test result: \w+\. (.+)$/gm)].map((match) => match[1] ?? "");
  if (lines.length === 0) return undefined;
  const parts = { passed: 0, failed: 0, skipped: 0 };
  for (const line of lines) {
    for (const [, number = "0", word = ""] of line.matchAll(/(\d+) (passed|failed|ignored)/g)) {
      if (word === "ignored") parts.skipped += Number(number);
      else parts[word as "passed" | "failed"] += Number(number);
    }
  }
  return { runner: "cargo test", executed: parts.passed + parts.failed, ...parts };
};

const PARSERS: readonly Parser[] = [
  parseNodeTestCount,
  parseVitestCount,
  parseJestCount,
  parsePytestCount,
  parseCargoTestCount,
  parseGoTestCount,
];

function sumMatches(output: string, pattern: RegExp): number | undefined {
  let total: number | undefined;
  for (const match of output.matchAll(pattern)) total = (total ?? 0) + Number(match[1]);
  return total;
}

function countFromParts(runner: string, lines: readonly string[], pattern: RegExp): TestCount {
  const parts = { passed: 0, failed: 0, skipped: 0 };
  for (const line of lines) {
    for (const [, number = "0", word = ""] of line.matchAll(pattern)) {
      if (word === "todo" || word === "skipped") parts.skipped += Number(number);
      else parts[word as "passed" | "failed"] += Number(number);
    }
  }
  return { runner, executed: parts.passed + parts.failed, ...parts };
}
