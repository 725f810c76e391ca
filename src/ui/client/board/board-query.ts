import type { SpecCard } from "../api/api-types";

export type Grouping = "none" | "folder" | "prefix";
export type Sorting = "activity" | "name" | "progress";
export type StateFilter = "all" | "attention" | "unapproved" | "in-progress" | "done";

export interface BoardQuery {
  readonly search: string;
  readonly state: StateFilter;
  readonly grouping: Grouping;
  readonly sorting: Sorting;
}

export const defaultBoardQuery: BoardQuery = { search: "", state: "all", grouping: "none", sorting: "activity" };

export interface CardGroup {
  readonly label: string;
  readonly cards: readonly SpecCard[];
}

function isDone(card: SpecCard): boolean {
  const required = card.progress?.required;
  return required !== undefined && required.total > 0 && required.done === required.total;
}

function needsAttention(card: SpecCard): boolean {
  if (card.diagnostics.error > 0 || (card.progress?.needsReview ?? 0) > 0 || (card.paused ?? 0) > 0) return true;
  if (card.impact !== undefined && card.impact !== null) return true;
  return Object.values(card.approvals).some((approval) => approval.state === "changed" || approval.state === "stale");
}

function matchesState(card: SpecCard, state: StateFilter): boolean {
  switch (state) {
    case "all":
      return true;
    case "attention":
      return needsAttention(card);
    case "unapproved":
      return Object.values(card.approvals).some((approval) => approval.state !== "approved");
    case "in-progress":
      return (card.progress?.inProgress ?? 0) > 0 || ((card.progress?.required.done ?? 0) > 0 && !isDone(card));
    case "done":
      return isDone(card);
  }
}

function matchesSearch(card: SpecCard, search: string): boolean {
  const words = search
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "");
  const haystack = `${card.name} ${card.folder ?? ""} ${card.type} ${card.phase}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function completion(card: SpecCard): number {
  const required = card.progress?.required;
  return required === undefined || required.total === 0 ? 0 : required.done / required.total;
}

function compareCards(sorting: Sorting): (left: SpecCard, right: SpecCard) => number {
  const byName = (left: SpecCard, right: SpecCard) => left.name.localeCompare(right.name);
  if (sorting === "name") return byName;
  if (sorting === "progress") return (left, right) => completion(right) - completion(left) || byName(left, right);
  // Most recent activity first; ISO strings sort as text, and a spec without activity goes last.
  return (left, right) => (right.lastActivity ?? "").localeCompare(left.lastActivity ?? "") || byName(left, right);
}

/**
 * The group a spec belongs to: its folder (the root's name, plus the folders between `.kiro/specs/` and the
 * spec when specs are nested) or the part of its name before the first `-`, `_` or `.`.
 */
function groupLabel(card: SpecCard, grouping: Grouping, rootNames: ReadonlyMap<string, string>): string {
  if (grouping === "folder") {
    const rootName = rootNames.get(card.root) ?? card.root;
    const parent = (card.folder ?? "")
      .replace(/^\.kiro\/specs\/?/, "")
      .split("/")
      .slice(0, -1)
      .join("/");
    return parent === "" ? rootName : `${rootName}/${parent}`;
  }
  if (grouping === "prefix") return card.name.split(/[-_.]/)[0] ?? card.name;
  return "";
}

/** Filters, sorts and groups the board's cards; pure, so the board re-runs it on every keystroke. */
export function queryBoard(
  cards: readonly SpecCard[],
  query: BoardQuery,
  rootNames: ReadonlyMap<string, string>,
): readonly CardGroup[] {
  const chosen = cards
    .filter((card) => matchesState(card, query.state) && matchesSearch(card, query.search))
    .sort(compareCards(query.sorting));
  if (query.grouping === "none") return [{ label: "", cards: chosen }];
  const groups = new Map<string, SpecCard[]>();
  for (const card of chosen) {
    const label = groupLabel(card, query.grouping, rootNames);
    const group = groups.get(label);
    if (group === undefined) groups.set(label, [card]);
    else group.push(card);
  }
  return [...groups.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([label, grouped]) => ({ label, cards: grouped }));
}
