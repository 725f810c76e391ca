export type PathRefusalCode = "invalid-path" | "outside-workspace" | "git-directory" | "secret-file";

export interface PathRefusedErrorOptions {
  readonly code: PathRefusalCode;
  readonly message: string;
  readonly fix: string;
  /** The path as it was asked for. */
  readonly path: string;
}

/**
 * A path the agent may not touch. Not a file-system failure (nothing was tried): a policy decision, which
 * the tools hand back to the model as an error with `fix` as its hint.
 */
export class PathRefusedError extends Error {
  readonly code: PathRefusalCode;
  readonly fix: string;
  readonly path: string;

  constructor(options: PathRefusedErrorOptions) {
    super(options.message);
    this.name = "PathRefusedError";
    this.code = options.code;
    this.fix = options.fix;
    this.path = options.path;
  }
}
