/** A command Specwright found for the project, and what told it so (shown to the user and the model). */
export interface DetectedCommand {
  readonly command: string;
  /** The file or setting the command comes from, e.g. "package.json scripts.test (pnpm-lock.yaml)". */
  readonly source: string;
}
