/** The outcome of running the project's test command to prove a task. */
export interface VerificationResult {
  /** True only when the command exited 0 within its time-out. */
  readonly passed: boolean;
  readonly command: string;
  /** Where the command came from: "argument", "settings verify.command", or what detection read. */
  readonly source: string;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  /** stdout and stderr interleaved, capped in the middle with a note (see truncateOutput). */
  readonly output: string;
  readonly truncated: boolean;
  readonly durationMs: number;
  /** Which sandbox confined the tests ("none": they ran unconfined). */
  readonly sandbox: "bubblewrap" | "sandbox-exec" | "none";
}
