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

const RAW_HEADER = /^:(\d{6}) (\d{6}) [0-9a-f]+ [0-9a-f]+ ([A-Z])\d*$/;
const NUMSTAT_RECORD = /^(\d+|-)\t(\d+|-)\t(.+)$/s;

/**
 * Parses the output of one `git diff-tree -r -z --no-renames --raw --numstat`: git prints every raw record
 * (`:<mode> <mode> <id> <id> <status>`, a NUL, the path), then every numstat record (`<added>\t<removed>\t<path>`;
 * `-\t-` for a binary file, which maps to undefined). The raw records end at the first field that is not a
 * raw header; a path is taken by position, so a file named like a header is still a path. Records of
 * another shape are skipped.
 */
export function parseRawAndNumstat(output: string): {
  readonly changes: RawTreeChange[];
  readonly counts: Map<string, LineCounts | undefined>;
} {
  const fields = output.split("\u0000");
  const changes: RawTreeChange[] = [];
  let index = 0;
  for (; index + 1 < fields.length; index += 2) {
    const match = RAW_HEADER.exec((fields[index] ?? "").trim());
    if (!match) break;
    const path = fields[index + 1] ?? "";
    const kind = STATUS_KINDS[match[3] ?? ""];
    if (kind === undefined || path === "") continue;
    changes.push({ path, kind, modeBefore: match[1] ?? "000000", modeAfter: match[2] ?? "000000" });
  }
  const counts = new Map<string, LineCounts | undefined>();
  for (const record of fields.slice(index)) {
    const match = NUMSTAT_RECORD.exec(record.replace(/^\n/, ""));
    if (!match) continue;
    const [, added = "-", removed = "-", path = ""] = match;
    counts.set(
      path,
      added === "-" || removed === "-" ? undefined : { linesAdded: Number(added), linesRemoved: Number(removed) },
    );
  }
  return { changes, counts };
}
