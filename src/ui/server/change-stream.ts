import { specNameOfPath } from "../../engine/check/check-spec-part.js";
import type { DashboardRoot } from "../../engine/dashboard/dashboard-roots.js";
import { type KiroWatcher, watchKiroFolder } from "../../workspace/watch-files.js";
import { isWorkspaceBookkeeping } from "../../workspace/workspace-bookkeeping.js";

/** One batch of changes under a root's `.kiro/`; `spec` when every path is in that one spec. */
export interface FileChanges {
  readonly root: string;
  readonly spec?: string;
  readonly paths: readonly string[];
}

export interface ChangeStream {
  subscribe(listener: (changes: FileChanges) => void): () => void;
  close(): void;
}

/**
 * One watcher of `.kiro/` per root (the watcher the MCP server's change feed uses), shared by every open
 * page.
 */
export function createChangeStream(
  roots: readonly DashboardRoot[],
  log: (message: string) => void,
  debounceMs = 100,
): ChangeStream {
  const listeners = new Set<(changes: FileChanges) => void>();
  const watchers: KiroWatcher[] = roots.map((root) =>
    watchKiroFolder(
      root.path,
      (all) => {
        const paths = all.filter((path) => !isBookkeeping(path));
        if (paths.length === 0) return;
        const specs = new Set(paths.map(specNameOfPath));
        const [only] = specs;
        const changes: FileChanges = {
          root: root.id,
          ...(specs.size === 1 && only !== undefined ? { spec: only } : {}),
          paths,
        };
        for (const listener of listeners) listener(changes);
      },
      {
        debounceMs,
        onError: (error) => log(`specwright ui: stopped watching ${root.path}/.kiro/ for changes: ${error.message}`),
      },
    ),
  );
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      for (const watcher of watchers) watcher.close();
    },
  };
}

/** Locks and the temporaries of atomic writes: the write they belong to is reported when it lands. */
function isBookkeeping(path: string): boolean {
  return path.split("/").some(isWorkspaceBookkeeping);
}
