import { isAbsolute, join, relative, sep } from "node:path";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { latestModification } from "../../workspace/latest-modification.js";
import { type CheckSession, openCheckSession } from "../check/check-session.js";
import { specNameOfPath } from "../check/check-spec-part.js";
import type { CheckReport } from "../check/run-check.js";

/**
 * What a board keeps between requests while the dashboard serves a root: the `check` results (a check
 * session, re-checking only the spec an edit is in) and each spec's last modification time. A watcher of
 * `.kiro/` keeps it current through `update`, as it keeps the MCP server's `validate`.
 */
export interface BoardSession {
  /** The check results of every spec, up to date with every `update` made before this call. */
  check(): Promise<CheckReport>;
  /** The latest modification time (ms) of a spec folder's files; undefined for an empty folder. */
  lastModified(spec: string): number | undefined;
  /** Files or folders under the root changed (absolute, or relative to the root). */
  update(paths: readonly string[]): void;
}

/** A spec's folder, as `update` takes it. */
export function specFolderOf(root: string, spec: string): string {
  return join(kiroPaths(root).specsDirectory, spec);
}

/**
 * A board session for the root at `root`, kept by the dashboard that serves it. Nothing is read until the
 * first board asks (the server's prewarm at its start); then every spec is read and checked once.
 */
export function createBoardSession(root: string): BoardSession {
  let opening: Promise<CheckSession> | undefined;
  // The updates made before a board asks: its report waits for them, so an edit is never answered stale.
  let updated: Promise<unknown> = Promise.resolve();
  const modified = new Map<string, number | undefined>();
  const checks = () => {
    opening ??= openCheckSession({ cwd: root, root }).catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
  const specsDirectory = kiroPaths(root).specsDirectory;
  return {
    async check() {
      const session = await checks();
      await updated;
      return session.report();
    },
    lastModified(spec) {
      if (!modified.has(spec)) modified.set(spec, latestModification(join(specsDirectory, spec)));
      return modified.get(spec);
    },
    update(paths) {
      for (const path of paths) {
        const spec = specNameOfPath((isAbsolute(path) ? relative(root, path) : path).split(sep).join("/"));
        if (spec === undefined) modified.clear();
        else modified.delete(spec);
      }
      // A session not opened yet reads everything when it opens; one opening gets the paths once it is open.
      if (opening === undefined) return;
      const session = opening;
      updated = Promise.all([updated, session.then((opened) => opened.update(paths))]).catch(() => undefined);
    },
  };
}
