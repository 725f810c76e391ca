import { changedLines } from "./changed-lines.js";
import type { ChangedFileContent, IntegrityFinding, IntegrityReport, VerificationBaseline } from "./integrity-types.js";
import { testConfigurationOf } from "./test-configuration.js";
import type { TestCount } from "./test-count.js";
import { holdsRustTests, isTestConfigurationFile, isTestFile, runControlKind } from "./test-file-kinds.js";
import { isAssertionLine, isEarlyExitLine, isSkipLine, isTestDeclarationLine } from "./weakening-patterns.js";

export interface IntegrityInput {
  readonly baseline: VerificationBaseline;
  /** Every file the task changed (the runner's bookkeeping left out), with content where it matters. */
  readonly changes: readonly ChangedFileContent[];
  /** The count the verification after the task reported; undefined when it could not be read. */
  readonly testCountAfter: TestCount | undefined;
  /** Files under `.git/` (config, hooks, info/…) that differ from before the task. */
  readonly gitMetadataChanged?: readonly string[];
  /** Where `.kiro/` sits inside the repository (`""` or `sub/dir/`). */
  readonly prefix?: string;
  /** The task has criteria a test can check: adding no test then earns a warning. */
  readonly testable?: boolean;
}

/**
 * Was the verification that passed the same one as before the task? Pure: what the task did to test files,
 * test configuration, the run's own settings and `.git/`, and whether fewer tests ran. Any finding means the
 * passing tests do not prove the task, so it needs a person's review.
 */
export function analyzeVerificationIntegrity(input: IntegrityInput): IntegrityReport {
  const findings: IntegrityFinding[] = [];
  const preExisting = new Set(input.baseline.testFiles.map((file) => file.path));
  let testsAdded = false;
  for (const change of input.changes) {
    const wasTest =
      preExisting.has(change.path) || (change.before !== undefined && holdsRustTests(change.path, change.before));
    const isTest = wasTest || isTestFile(change.path) || holdsRustTests(change.path, change.after ?? "");
    if (wasTest) findings.push(...preExistingTestFindings(change));
    else if (isTest && change.after !== undefined) {
      testsAdded = true;
      const exit = change.after.split(/\r?\n/).find(isEarlyExitLine);
      if (exit !== undefined) findings.push(earlyExit(change.path, exit));
    }
    if (wasTest && change.kind === "modified" && change.after !== undefined) {
      testsAdded ||= changedLines(change.before ?? "", change.after).added.some(isTestDeclarationLine);
    }
    if (isTestConfigurationFile(change.path)) findings.push(...configurationFindings(change));
    const control = runControlKind(change.path, input.prefix ?? "");
    if (control !== undefined) findings.push(runControlFinding(change, control));
  }
  for (const path of input.gitMetadataChanged ?? []) {
    findings.push({
      code: "git-metadata-changed",
      path,
      message: `${path} changed during the task (git configuration or hooks run commands for whoever uses the repository); it was put back as it was before the task.`,
    });
  }
  const before = input.baseline.testCount?.executed;
  const after = input.testCountAfter?.executed;
  if (before !== undefined && after !== undefined && after < before) {
    findings.push({
      code: "test-count-lowered",
      message: `Fewer tests ran after the task than before it: ${after} instead of ${before} (${input.testCountAfter?.runner ?? "test runner"} summary).`,
    });
  }
  const warnings: string[] = [];
  if (input.testable === true && !testsAdded) {
    warnings.push("The task added no test, though its acceptance criteria can be tested.");
  }
  return {
    findings,
    warnings,
    testCountBefore: before ?? "unknown",
    testCountAfter: after ?? "unknown",
  };
}

function preExistingTestFindings(change: ChangedFileContent): IntegrityFinding[] {
  if (change.kind === "deleted") {
    return [{ code: "test-deleted", path: change.path, message: `The test file ${change.path} was deleted.` }];
  }
  if (change.before === undefined || change.after === undefined) {
    return [
      {
        code: "assertion-changed",
        path: change.path,
        message: `The test file ${change.path} changed (too large to compare line by line).`,
      },
    ];
  }
  const { removed, added } = changedLines(change.before, change.after);
  const findings: IntegrityFinding[] = [];
  const skip = added.find(isSkipLine);
  if (skip !== undefined) {
    findings.push({
      code: "test-skipped",
      path: change.path,
      message: `A test in ${change.path} is now skipped or narrowed: \`${clip(skip)}\`.`,
    });
  }
  // A declaration changed in place (`test(` to `test.skip(`, a new argument) keeps its name: not removed.
  const kept = new Set(added.filter(isTestDeclarationLine).map(testName));
  const declarations = removed.filter((line) => isTestDeclarationLine(line) && !kept.has(testName(line)));
  if (declarations.length > 0) {
    findings.push({
      code: "test-removed",
      path: change.path,
      message: `${declarations.length === 1 ? "A test was" : `${declarations.length} tests were`} removed or renamed in ${change.path}: \`${clip(declarations[0] ?? "")}\`.`,
    });
  }
  const assertions = removed.filter((line) => isAssertionLine(line) && !isImportLine(line));
  if (assertions.length > 0) {
    findings.push({
      code: "assertion-changed",
      path: change.path,
      message: `${assertions.length === 1 ? "An assertion" : `${assertions.length} assertions`} of ${change.path} changed or went away: \`${clip(assertions[0] ?? "")}\`.`,
    });
  }
  const exit = added.find(isEarlyExitLine);
  if (exit !== undefined) findings.push(earlyExit(change.path, exit));
  return findings;
}

function earlyExit(path: string, line: string): IntegrityFinding {
  return {
    code: "early-exit",
    path,
    message: `The test file ${path} ends the test process early (\`${clip(line)}\`), so tests after it may never run.`,
  };
}

function configurationFindings(change: ChangedFileContent): IntegrityFinding[] {
  const before = change.before === undefined ? "" : testConfigurationOf(change.path, change.before);
  const after = change.after === undefined ? "" : testConfigurationOf(change.path, change.after);
  if (before === after) return [];
  const what =
    change.kind === "deleted"
      ? "was deleted"
      : change.kind === "added"
        ? `was added: \`${clip(after)}\``
        : `changed from \`${clip(before)}\` to \`${clip(after)}\``;
  return [
    {
      code: "test-configuration-changed",
      path: change.path,
      message: `The test configuration in ${change.path} ${what}.`,
    },
  ];
}

function runControlFinding(change: ChangedFileContent, kind: "settings" | "steering" | "hooks"): IntegrityFinding {
  const what = kind === "settings" ? "Specwright's settings" : kind === "steering" ? "the steering" : "the hooks";
  return {
    code: "run-control-changed",
    path: change.path,
    message: `${change.path} (${what}) was ${change.kind === "added" ? "created" : change.kind} by the task; this run kept what it started with, and no run uses the change before a person reviews it.`,
  };
}

/** The test's name as its declaration gives it (`test("adds"` → `adds`, `def test_add(` → `test_add`). */
function testName(line: string): string {
  const match = /["'`]([^"'`]+)["'`]|def\s+(\w+)|func\s+(\w+)|fn\s+(\w+)/.exec(line);
  return match?.[1] ?? match?.[2] ?? match?.[3] ?? match?.[4] ?? line.trim();
}

function isImportLine(line: string): boolean {
  return /^\s*(?:import\b|from\s+\S+\s+import\b|(?:const|let|var)\s+.+=\s*require\s*\()/.test(line);
}

function clip(text: string, max = 120): string {
  const flat = text.trim().replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
