import { type FSWatcher, statSync, watch } from "node:fs";
import { join, relative, sep } from "node:path";
import { KIRO_DIRECTORY_NAME } from "./kiro-paths.js";

export interface KiroWatcher {
  close(): void;
}

export interface WatchKiroOptions {
  /** Changes closer together than this come as one batch (editors and atomic writes touch a file several times). */
  readonly debounceMs?: number;
  /** Called when the watch itself fails (the folder was deleted, too many watches); watching stops then. */
  readonly onError?: (error: Error) => void;
}

/**
 * Watches `<root>/.kiro/` and everything under it, calling `onChange` with the paths that changed (relative to
 * the root, `/`-separated, sorted, each once per batch). When `.kiro/` does not exist yet, the root itself is
 * watched (not recursively) until it appears.
 */
export function watchKiroFolder(
  root: string,
  onChange: (paths: readonly string[]) => void,
  options: WatchKiroOptions = {},
): KiroWatcher {
  const kiroDirectory = join(root, KIRO_DIRECTORY_NAME);
  const debounceMs = options.debounceMs ?? 50;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let closed = false;

  // Node 20's recursive watch on Linux watches each file by its inode: a file replaced by an atomic rename
  // (every write of Specwright's, many editors' saves) is not watched any more, and a later in-place save
  // would go unseen. A batch with a file whose inode changed starts the watch over, on the new files.
  const inodes = new Map<string, number>();
  const touched = new Set<string>();
  const replacedFileIn = (paths: Iterable<string>): boolean => {
    let replaced = false;
    for (const path of paths) {
      try {
        const info = statSync(path);
        if (!info.isFile() || inodes.get(path) === info.ino) continue;
        inodes.set(path, info.ino);
        replaced = true;
      } catch {
        inodes.delete(path);
      }
    }
    return replaced;
  };
  const flush = () => {
    timer = undefined;
    if (closed || pending.size === 0) return;
    const paths = [...pending].sort();
    pending.clear();
    const changed = [...touched];
    touched.clear();
    if (process.platform === "linux" && watcher !== undefined && replacedFileIn(changed)) {
      stop();
      if (!watchAgain()) options.onError?.(new Error(`${kiroDirectory} can no longer be watched.`));
    }
    onChange(paths);
  };
  const record = (path: string) => {
    pending.add(relative(root, path).split(sep).join("/"));
    touched.add(path);
    timer ??= setTimeout(flush, debounceMs);
  };
  const fail = (error: Error) => {
    stop();
    // Node 20's recursive watch on Linux scans every new folder; one deleted before the scan (a lock's
    // temporary folder) fails the whole watch with ENOENT although .kiro/ is fine. Watch again, and report
    // .kiro/ itself, since a change during the gap went unseen.
    if (!closed && isMissingEntry(error) && watchAgain()) {
      record(kiroDirectory);
      return;
    }
    options.onError?.(error);
  };
  const stop = () => {
    watcher?.close();
    watcher = undefined;
  };
  const watchKiro = (): boolean => {
    try {
      watcher = watch(kiroDirectory, { recursive: true }, (_event, name) => {
        record(name === null ? kiroDirectory : join(kiroDirectory, name.toString()));
      });
      watcher.on("error", fail);
      return true;
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === "ENOENT") return false;
      throw error;
    }
  };
  const watchAgain = (): boolean => {
    try {
      return watchKiro();
    } catch {
      return false;
    }
  };
  const watchRootUntilKiroAppears = () => {
    watcher = watch(root, (_event, name) => {
      if (name?.toString() !== KIRO_DIRECTORY_NAME || closed) return;
      stop();
      if (watchKiro()) record(kiroDirectory);
      else watchRootUntilKiroAppears();
    });
    watcher.on("error", fail);
  };

  if (!watchKiro()) watchRootUntilKiroAppears();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      stop();
    },
  };
}

function isMissingEntry(error: Error): boolean {
  return "code" in error && error.code === "ENOENT";
}
