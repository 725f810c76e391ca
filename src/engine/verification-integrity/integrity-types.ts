import type { TestCount } from "./test-count.js";

/** What verification meant before the task: the command, the test files in force, the count of tests that ran. */
export interface VerificationBaseline {
  readonly command: string;
  /** Where the command came from (the settings the run started with, or what detection read). */
  readonly source: string;
  /** The test files of the working tree before the task, with git's hash of each. */
  readonly testFiles: readonly { readonly path: string; readonly object: string }[];
  /** The test configuration files before the task, with git's hash of each. */
  readonly configurationFiles: readonly { readonly path: string; readonly object: string }[];
  /** Undefined: the runner's summary could not be read, so the count is unknown. */
  readonly testCount: TestCount | undefined;
}

/** One file the task changed, with its text before and after where it matters (test files, configuration). */
export interface ChangedFileContent {
  readonly path: string;
  readonly kind: "added" | "modified" | "deleted";
  /** Undefined for an added file, or when the content was not read (not a file verification rests on, or too big). */
  readonly before?: string;
  readonly after?: string;
}

export type IntegrityFindingCode =
  | "test-deleted"
  | "test-removed"
  | "test-skipped"
  | "assertion-changed"
  | "early-exit"
  | "test-configuration-changed"
  | "run-control-changed"
  | "test-count-lowered"
  | "git-metadata-changed";

/** Why a task whose tests pass is still not checked off: one weakening of its verification, in one file. */
export interface IntegrityFinding {
  readonly code: IntegrityFindingCode;
  /** The file, relative to the repository's top folder (none for the test count). */
  readonly path?: string;
  readonly message: string;
}

/** A run-control file (settings, steering, hooks) as the task left it: its SHA-256, null when it deleted it. */
export interface RunControlFile {
  /** Relative to the workspace root. */
  readonly path: string;
  readonly sha256: string | null;
}

/** The verdict on a task's verification: findings make it `needs-review`; warnings are only shown. */
export interface IntegrityReport {
  readonly findings: readonly IntegrityFinding[];
  readonly warnings: readonly string[];
  readonly testCountBefore: number | "unknown";
  readonly testCountAfter: number | "unknown";
  /** The settings, steering and hook files the task changed, as it left them (filled in by the engine). */
  readonly runControlFiles?: readonly RunControlFile[];
}
