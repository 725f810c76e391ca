/** A refused or failed API call, carrying the server's `{code, message, fix}`. */
export class ApiError extends Error {
  readonly code: string;
  readonly fix: string;
  readonly status: number;

  constructor(status: number, code: string, message: string, fix: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.fix = fix;
  }
}
