import type { CheckSession } from "../engine/check/check-session.js";
import type { WorkspaceOptions } from "../engine/workspace-model/workspace-context.js";

/** What every tool, resource and prompt of one server shares: where the workspace is, and where logs go. */
export interface ServerContext {
  /** Passed to every engine call, as the CLI passes `--root` and the current folder. */
  readonly workspace: WorkspaceOptions;
  readonly version: string;
  /** A line for the operator: stderr, never stdout (stdout carries only protocol messages). */
  readonly log: (message: string) => void;
  /** The serving process's check session (opened on first use, kept current by the watcher), for `validate`. */
  readonly checks?: () => Promise<CheckSession>;
}
