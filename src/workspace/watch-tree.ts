import { type FSWatcher, watch } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { REPOSITORY_SKIPPED_DIRECTORY_NAMES } from "./read-repository-snapshot.js";
import { isWorkspaceBookkeeping } from "./workspace-bookkeeping.js";

/** What happened to a file, decided after the burst settled (by looking, not from the raw watch events). */
export interface TreeChange {
  /** Relative to the root, `/`-separated. */
  readonly path: string;
  readonly kind: "created" | "saved" | "deleted";
}

export interface WatchTreeOptions {
  /** Changes closer together than this come as one batch: a save burst is one change. Default 150 ms. */
  readonly debounceMs?: number;
  /** Folders (relative, `/`-separated) never watched, besides dependency and build folders and `.git/`. */
  readonly ignore?: readonly string[];
  readonly onError?: (error: Error) => void;
}

export interface TreeWatcher {
  /** Resolves once every folder is watched. */
  readonly ready: Promise<{ readonly folders: number; readonly files: number }>;
  close(): void;
}

/**
 * Watches a repository's own files, one watch per folder (Node 20's recursive watch on Linux misses folders
 * created after it starts): folders created later are watched as they appear, and a batch reports each path
 * once as created, saved or deleted by comparing what is there now with what was there before. An editor's
 * atomic-rename save is then a save of the file, and its temp file, gone again, is nothing.
 */
export function watchTree(
  root: string,
  onChanges: (changes: readonly TreeChange[]) => void,
  options: WatchTreeOptions = {},
): TreeWatcher {
  const debounceMs = options.debounceMs ?? 150;
  const skippedNames = new Set([...REPOSITORY_SKIPPED_DIRECTORY_NAMES, ".git"]);
  const ignored = new Set(options.ignore ?? []);
  const watchers = new Map<string, FSWatcher>();
  const known = new Map<string, number>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const toRelative = (path: string) => relative(root, path).split(sep).join("/");
  const skipFolder = (path: string, name: string) => skippedNames.has(name) || ignored.has(toRelative(path));

  const addFolder = async (folder: string, report: TreeChange[] | undefined): Promise<void> => {
    if (closed || watchers.has(folder)) return;
    try {
      const watcher = watch(folder, (_event, name) => {
        if (name !== null) record(join(folder, name.toString()));
      });
      watcher.on("error", () => {
        // The folder went away: its parent's watch reports it.
        watcher.close();
        watchers.delete(folder);
      });
      watchers.set(folder, watcher);
    } catch {
      return;
    }
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skipFolder(path, entry.name)) await addFolder(path, report);
      } else if (entry.isFile() && !isWorkspaceBookkeeping(entry.name)) {
        const mtime = await modified(path);
        if (mtime === undefined) continue;
        if (report !== undefined && !known.has(path)) report.push({ path: toRelative(path), kind: "created" });
        known.set(path, mtime);
      }
    }
  };

  const record = (path: string) => {
    if (closed) return;
    pending.add(path);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };

  const flush = async () => {
    timer = undefined;
    const paths = [...pending].sort();
    pending.clear();
    const changes: TreeChange[] = [];
    for (const path of paths) {
      const name = path.slice(path.lastIndexOf(sep) + 1);
      let kind: "file" | "folder" | "none";
      try {
        const info = await stat(path);
        kind = info.isDirectory() ? "folder" : info.isFile() ? "file" : "none";
      } catch {
        kind = "none";
      }
      if (kind === "folder") {
        if (!skipFolder(path, name)) await addFolder(path, changes);
      } else if (kind === "file") {
        if (isWorkspaceBookkeeping(name) || isUnderIgnored(toRelative(path))) continue;
        const was = known.get(path);
        known.set(path, (await modified(path)) ?? 0);
        changes.push({ path: toRelative(path), kind: was === undefined ? "created" : "saved" });
      } else {
        forget(path, changes);
      }
    }
    if (!closed && changes.length > 0) onChanges(changes);
  };

  const forget = (path: string, changes: TreeChange[]) => {
    if (known.delete(path)) changes.push({ path: toRelative(path), kind: "deleted" });
    const prefix = `${path}${sep}`;
    for (const file of [...known.keys()]) {
      if (file.startsWith(prefix)) {
        known.delete(file);
        changes.push({ path: toRelative(file), kind: "deleted" });
      }
    }
    for (const [folder, watcher] of watchers) {
      if (folder === path || folder.startsWith(prefix)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
  };

  const isUnderIgnored = (path: string) =>
    path.split("/").some((part) => skippedNames.has(part)) ||
    [...ignored].some((folder) => path.startsWith(`${folder}/`));

  const ready = addFolder(root, undefined).then(() => ({ folders: watchers.size, files: known.size }));
  ready.catch((error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
  return {
    ready,
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

async function modified(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}
