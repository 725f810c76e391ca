import { listSpecs } from "../../engine/workspace-model/list-specs.js";
import type { WorkspaceOptions } from "../../engine/workspace-model/workspace-context.js";
import { watchKiroFolder } from "../../workspace/watch-files.js";
import { specDocumentOfPath, specDocumentUri } from "./spec-document-uri.js";

/** One batch of changes on disk, as the resources see it. */
export interface SpecChanges {
  /** URIs of spec documents whose file was written, created or deleted. */
  readonly updated: readonly string[];
  /** True when the list of spec documents changed (a spec or a document appeared or went away). */
  readonly listChanged: boolean;
}

export interface SpecChangeFeed {
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: (changes: SpecChanges) => void): () => void;
  close(): void;
}

/**
 * Watches the workspace's `.kiro/` once per process and tells every connected session which spec documents
 * changed on disk (whoever wrote them: this server, the CLI, an editor, Kiro).
 */
export async function createSpecChangeFeed(
  root: string,
  workspace: WorkspaceOptions,
  log: (message: string) => void,
  /** Told every batch of changed paths (relative to the root) as the watcher reports it. */
  onPaths?: (paths: readonly string[]) => void,
): Promise<SpecChangeFeed> {
  const listeners = new Set<(changes: SpecChanges) => void>();
  const listing = async (): Promise<string> => {
    try {
      const list = await listSpecs(workspace);
      return JSON.stringify(list.specs.map((spec) => [spec.name, spec.documents]));
    } catch {
      return "[]";
    }
  };
  // What "the list changed" compares against, read before the watch starts so no change slips between.
  let known = await listing();
  const watcher = watchKiroFolder(
    root,
    (paths) => {
      onPaths?.(paths);
      void (async () => {
        const updated = new Set<string>();
        for (const path of paths) {
          const document = specDocumentOfPath(path);
          if (document) updated.add(specDocumentUri(document.spec, document.document));
        }
        const now = await listing();
        const listChanged = now !== known;
        known = now;
        if (updated.size === 0 && !listChanged) return;
        const changes = { updated: [...updated], listChanged };
        for (const listener of listeners) listener(changes);
      })();
    },
    { onError: (error) => log(`specwright mcp: stopped watching .kiro/ for changes: ${error.message}`) },
  );
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      watcher.close();
    },
  };
}
