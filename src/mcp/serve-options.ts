import { resolve } from "node:path";
import { type CheckSession, openCheckSession } from "../engine/check/check-session.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../engine/workspace-model/workspace-context.js";
import { createSpecChangeFeed, type SpecChangeFeed } from "./resources/spec-change-feed.js";
import type { ServerContext } from "./server-context.js";

export interface ServeOptions {
  readonly workspace: WorkspaceOptions;
  readonly version: string;
  readonly log: (message: string) => void;
  /** Watch `.kiro/` and notify subscribed clients of changes (default true). */
  readonly watch?: boolean;
}

/**
 * The context and change feed one serving process shares between its sessions. A folder without `.kiro/`
 * still gets a server (create_spec can make the first spec); `.kiro/` is watched from where it will appear.
 */
export async function openServing(options: ServeOptions): Promise<{ context: ServerContext; feed?: SpecChangeFeed }> {
  let session: Promise<CheckSession> | undefined;
  const checks = () => {
    session ??= openCheckSession(options.workspace).catch((error: unknown) => {
      session = undefined;
      throw error;
    });
    return session;
  };
  const context: ServerContext = { workspace: options.workspace, version: options.version, log: options.log, checks };
  if (options.watch === false) return { context };
  const root = await resolveWorkspaceRoot(options.workspace).catch(() =>
    resolve(options.workspace.cwd, options.workspace.root ?? "."),
  );
  // An open session re-checks the edited spec as soon as the watcher reports it, ahead of the next call.
  const recheck = (paths: readonly string[]) => void session?.then((opened) => opened.update(paths)).catch(() => {});
  return { context, feed: await createSpecChangeFeed(root, options.workspace, options.log, recheck) };
}
