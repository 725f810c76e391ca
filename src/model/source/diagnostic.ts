import type { SourceLocation } from "./source-location.js";

export type Severity = "error" | "warning" | "info";

/**
 * A problem found in a file. Parsers never throw: what they cannot read becomes a diagnostic, and the
 * text it sits on is kept as it was. `code` is stable (tools and settings refer to it); `fix` says what
 * the user should do, in one sentence.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fix?: string;
  readonly location: SourceLocation;
}
