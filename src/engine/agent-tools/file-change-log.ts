import { diffLines } from "diff";

export type ToolFileChangeKind = "created" | "modified" | "deleted";

/** One file the agent's tools changed during a run, first state against last. */
export interface ToolFileChange {
  /** Root-relative, `/`-separated. */
  readonly path: string;
  readonly kind: ToolFileChangeKind;
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

interface TrackedFile {
  /** Content before the first change; undefined when the file did not exist. */
  readonly before: string | undefined;
  after: string | undefined;
}

/**
 * What the file tools did, for the run summary: a file written then deleted is not listed, one edited
 * five times is one entry with its net line counts. Shell commands are not seen here; the runner's
 * checkpoint diff is the complete record.
 */
export class FileChangeLog {
  readonly #files = new Map<string, TrackedFile>();

  record(path: string, before: string | undefined, after: string | undefined): void {
    const tracked = this.#files.get(path);
    if (tracked === undefined) this.#files.set(path, { before, after });
    else tracked.after = after;
  }

  changes(): ToolFileChange[] {
    const changes: ToolFileChange[] = [];
    for (const [path, { before, after }] of this.#files) {
      if (before === after) continue;
      const kind: ToolFileChangeKind = before === undefined ? "created" : after === undefined ? "deleted" : "modified";
      changes.push({ path, kind, ...countChangedLines(before ?? "", after ?? "") });
    }
    return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

export function countChangedLines(before: string, after: string): { linesAdded: number; linesRemoved: number } {
  let linesAdded = 0;
  let linesRemoved = 0;
  for (const change of diffLines(before, after)) {
    if (change.added) linesAdded += change.count;
    else if (change.removed) linesRemoved += change.count;
  }
  return { linesAdded, linesRemoved };
}
