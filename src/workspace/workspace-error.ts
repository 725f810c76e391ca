export type WorkspaceErrorCode =
  | "not-found"
  | "permission-denied"
  | "binary-file"
  | "invalid-utf8"
  | "too-large"
  | "locked"
  | "read-only"
  | "no-kiro-root"
  | "is-directory"
  | "not-a-file"
  | "outside-workspace"
  | "io-error";

export interface WorkspaceErrorOptions {
  readonly code: WorkspaceErrorCode;
  readonly message: string;
  readonly fix: string;
  readonly path?: string;
  readonly cause?: unknown;
}

/**
 * Every failure of the workspace layer. `code` is stable (surfaces map it to exit codes and JSON), `fix`
 * tells the user what to do in one sentence, `path` names the file or folder involved.
 */
export class WorkspaceError extends Error {
  readonly code: WorkspaceErrorCode;
  readonly fix: string;
  readonly path?: string;

  constructor(options: WorkspaceErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "WorkspaceError";
    this.code = options.code;
    this.fix = options.fix;
    if (options.path !== undefined) this.path = options.path;
  }
}

export function isWorkspaceError(error: unknown, code?: WorkspaceErrorCode): error is WorkspaceError {
  return error instanceof WorkspaceError && (code === undefined || error.code === code);
}
