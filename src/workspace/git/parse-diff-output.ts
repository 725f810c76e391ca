/** How a path differs between two trees. A type change (file ↔ symlink) counts as a modification. */
export type TreeChangeKind = "added" | "modified" | "deleted";

/** One path that differs between two trees, as `git diff-tree --raw` reports it. */
export interface RawTreeChange {
  readonly path: string;
  readonly kind: TreeChangeKind;
  /** Git's mode of the path before (`100644`, `100755`, `120000` symlink, `160000` submodule), `000000` when absent. */
  readonly modeBefore: string;
  readonly modeAfter: string;
}

/** Lines added and removed in one path; undefined for a binary file, where lines mean nothing. */
export interface LineCounts {
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

const STATUS_KINDS: Readonly<Record<string, TreeChangeKind>> = {
  A: "added",
  D: "deleted",
  M: "modified",
  T: "modified",
};

/**
 * Parses `git diff-tree -r -z --raw --no-renames` output: records `:<mode> <mode> <id> <id> <status>`
 * each followed by a NUL and the path. Records of another shape are skipped.
 */
export function parseRawDiff(output: string): RawTreeChange[] {
  return readRawRecords(output.split("\u0000"), false).changes;
}

const RAW_HEADER = /^:(\d{6}) (\d{6}) [0-9a-f]+ [0-9a-f]+ ([A-Z])\d*$/;

/**
 * Reads `<header> NUL <path>` pairs from the start of `fields`. With `stopAtOther`, the first field that is
 * not a raw header ends them (where `--numstat` records follow in a combined output); without it, such a
 * pair is skipped. A path is always taken by position, so a file named like a header is still a path.
 */
function readRawRecords(
  fields: readonly string[],
  stopAtOther: boolean,
): { readonly changes: RawTreeChange[]; readonly next: number } {
  const changes: RawTreeChange[] = [];
  let index = 0;
  for (; index + 1 < fields.length; index += 2) {
    const header = fields[index] ?? "";
    const match = RAW_HEADER.exec(header.trim());
    if (!match && stopAtOther) break;
    const path = fields[index + 1] ?? "";
    const kind = match ? STATUS_KINDS[match[3] ?? ""] : undefined;
    if (!match || kind === undefined || path === "") continue;
    changes.push({ path, kind, modeBefore: match[1] ?? "000000", modeAfter: match[2] ?? "000000" });
  }
  return { changes, next: index };
}

/**
 * Parses the output of one `git diff-tree -r -z --no-renames --raw --numstat`: git prints every raw record,
 * then every numstat record, so one process gives what two would.
 */
export function parseRawAndNumstat(output: string): {
  readonly changes: RawTreeChange[];
  readonly counts: Map<string, LineCounts | undefined>;
} {
  const fields = output.split("\u0000");
  const raw = readRawRecords(fields, true);
  return { changes: raw.changes, counts: numstatRecords(fields.slice(raw.next)) };
}

/**
 * Parses `git diff-tree -r -z --numstat --no-renames` output (`<added>\t<removed>\t<path>` records, NUL
 * separated) into counts by path; a binary file (`-\t-`) maps to undefined.
 */
export function parseNumstat(output: string): Map<string, LineCounts | undefined> {
  return numstatRecords(output.split("\u0000"));
}

function numstatRecords(records: readonly string[]): Map<string, LineCounts | undefined> {
  const counts = new Map<string, LineCounts | undefined>();
  for (const record of records) {
    const match = /^(\d+|-)\t(\d+|-)\t(.+)$/s.exec(record.replace(/^\n/, ""));
    if (!match) continue;
    const [, added = "-", removed = "-", path = ""] = match;
    counts.set(
      path,
      added === "-" || removed === "-" ? undefined : { linesAdded: Number(added), linesRemoved: Number(removed) },
    );
  }
  return counts;
}
