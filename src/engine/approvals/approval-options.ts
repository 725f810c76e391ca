/** Where an approval call works: `root` holds `.kiro/`; without it the nearest one above `cwd` (default: the process's). */
export interface ApprovalOptions {
  readonly root?: string;
  readonly cwd?: string;
  readonly spec: string;
}
