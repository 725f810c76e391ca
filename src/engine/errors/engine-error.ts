/**
 * Why an engine operation could not be done. `kind` decides the exit code in one place (the CLI):
 * `refused` (1) is a request the engine understood and declined; `usage` (2) is a malformed request.
 */
export type EngineErrorKind = "refused" | "usage";

export interface EngineErrorOptions {
  readonly code: string;
  readonly message: string;
  readonly fix: string;
  readonly kind?: EngineErrorKind;
  readonly candidates?: readonly string[];
  readonly path?: string;
}

export class EngineError extends Error {
  readonly code: string;
  readonly fix: string;
  readonly kind: EngineErrorKind;
  readonly candidates: readonly string[];
  readonly path: string | undefined;

  constructor(options: EngineErrorOptions) {
    super(options.message);
    this.name = "EngineError";
    this.code = options.code;
    this.fix = options.fix;
    this.kind = options.kind ?? "refused";
    this.candidates = options.candidates ?? [];
    this.path = options.path;
  }
}
