import { diffLines } from "diff";

/** The lines a change removed and the lines it added (unchanged lines left out), in order. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffLines(before, after)) {
    if (!part.added && !part.removed) continue;
    const lines = part.value.split(/\r?\n/).filter((line, index, all) => line !== "" || index < all.length - 1);
    (part.added ? added : removed).push(...lines);
  }
  return { removed, added };
}
