import type { Criterion, GlossaryTerm, Requirement, RequirementsDocument } from "../requirements/requirements-types.js";
import { normalizeText, textSimilarity } from "./text-similarity.js";

/**
 * What became of one acceptance criterion between the approved requirements and the current ones:
 * - `added` / `removed`: only on one side;
 * - `reworded`: its text changed (its id may have changed too);
 * - `renumbered`: same text under another id (requirement 3 became 4): its tasks still implement it.
 */
export type CriterionChangeKind = "added" | "removed" | "reworded" | "renumbered";

export interface CriterionChange {
  readonly kind: CriterionChangeKind;
  /** The id in the approved document; absent for an added criterion. */
  readonly oldId?: string;
  /** The id now; absent for a removed criterion. */
  readonly newId?: string;
  readonly oldText?: string;
  readonly newText?: string;
}

export interface RequirementChange {
  readonly kind: "added" | "removed" | "renumbered";
  readonly oldId?: string;
  readonly newId?: string;
  readonly title: string;
}

export interface GlossaryChange {
  readonly kind: "added" | "removed" | "changed";
  readonly term: string;
  readonly oldDefinition?: string;
  readonly newDefinition?: string;
}

export interface RequirementsDiff {
  /** Every criterion that is not the same under the same id, in current-document order (removed ones last). */
  readonly criteria: readonly CriterionChange[];
  /** Approved criterion id → its id now, for every criterion still there (changed or not). */
  readonly idMap: ReadonlyMap<string, string>;
  readonly requirements: readonly RequirementChange[];
  readonly glossary: readonly GlossaryChange[];
}

/** Same id, different text: counts as one criterion reworded only if they still share this many words. */
const SAME_ID_SIMILARITY = 0.25;
/** Different id and different text: one criterion moved and reworded only when this close. */
const MOVED_SIMILARITY = 0.6;

/**
 * Pure: matches the approved criteria with the current ones, by id and text when unchanged, by text when
 * renumbered, by id (or close text) when reworded; what is left was added or removed.
 */
export function diffRequirements(approved: RequirementsDocument, current: RequirementsDocument): RequirementsDiff {
  const before = approved.requirements.flatMap((requirement) => requirement.criteria);
  const after = current.requirements.flatMap((requirement) => requirement.criteria);
  const pairs = new Map<Criterion, Criterion>(); // current → approved
  const taken = new Set<Criterion>();
  const pair = (now: Criterion, then: Criterion) => {
    pairs.set(now, then);
    taken.add(then);
  };
  const open = () => after.filter((criterion) => !pairs.has(criterion));
  const candidates = () => before.filter((criterion) => !taken.has(criterion));
  for (const now of after) {
    const then = candidates().find((old) => old.id === now.id && sameText(old, now));
    if (then) pair(now, then);
  }
  for (const now of open()) {
    const then = candidates().find((old) => sameText(old, now));
    if (then) pair(now, then);
  }
  for (const now of open()) {
    const then = candidates().find(
      (old) => old.id === now.id && textSimilarity(old.text, now.text) >= SAME_ID_SIMILARITY,
    );
    if (then) pair(now, then);
  }
  for (const now of open()) {
    const then = best(candidates(), now, MOVED_SIMILARITY);
    if (then) pair(now, then);
  }
  const criteria: CriterionChange[] = [];
  const idMap = new Map<string, string>();
  for (const now of after) {
    const then = pairs.get(now);
    if (!then) {
      criteria.push({ kind: "added", newId: now.id, newText: now.text });
      continue;
    }
    idMap.set(then.id, now.id);
    if (!sameText(then, now)) {
      criteria.push({ kind: "reworded", oldId: then.id, newId: now.id, oldText: then.text, newText: now.text });
    } else if (then.id !== now.id) {
      criteria.push({ kind: "renumbered", oldId: then.id, newId: now.id, oldText: then.text, newText: now.text });
    }
  }
  for (const then of before) {
    if (!taken.has(then)) criteria.push({ kind: "removed", oldId: then.id, oldText: then.text });
  }
  return {
    criteria,
    idMap,
    requirements: diffRequirementList(approved.requirements, current.requirements, pairs),
    glossary: diffGlossary(approved.glossary, current.glossary),
  };
}

function sameText(left: Criterion, right: Criterion): boolean {
  return normalizeText(left.text) === normalizeText(right.text);
}

function best(candidates: readonly Criterion[], now: Criterion, threshold: number): Criterion | undefined {
  let found: Criterion | undefined;
  let score = threshold;
  for (const candidate of candidates) {
    const similarity = textSimilarity(candidate.text, now.text);
    if (similarity >= score) {
      found = candidate;
      score = similarity;
    }
  }
  return found;
}

/**
 * Requirements match when most of a current one's criteria come from one approved requirement, or, with
 * no criteria to tell, when their titles are the same.
 */
function diffRequirementList(
  approved: readonly Requirement[],
  current: readonly Requirement[],
  pairs: ReadonlyMap<Criterion, Criterion>,
): RequirementChange[] {
  const ownerOf = new Map<Criterion, Requirement>();
  for (const requirement of approved) for (const criterion of requirement.criteria) ownerOf.set(criterion, requirement);
  const matched = new Set<Requirement>();
  const changes: RequirementChange[] = [];
  for (const requirement of current) {
    const votes = new Map<Requirement, number>();
    for (const criterion of requirement.criteria) {
      const then = pairs.get(criterion);
      const owner = then ? ownerOf.get(then) : undefined;
      if (owner) votes.set(owner, (votes.get(owner) ?? 0) + 1);
    }
    const voted = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const origin =
      voted && !matched.has(voted)
        ? voted
        : approved.find(
            (old) => !matched.has(old) && normalizeText(old.title ?? "") === normalizeText(requirement.title ?? ""),
          );
    const title = requirement.title ?? "";
    if (!origin) {
      changes.push({ kind: "added", newId: requirement.id, title });
      continue;
    }
    matched.add(origin);
    if (origin.id !== requirement.id)
      changes.push({ kind: "renumbered", oldId: origin.id, newId: requirement.id, title });
  }
  for (const requirement of approved) {
    if (!matched.has(requirement))
      changes.push({ kind: "removed", oldId: requirement.id, title: requirement.title ?? "" });
  }
  return changes;
}

function diffGlossary(approved: readonly GlossaryTerm[], current: readonly GlossaryTerm[]): GlossaryChange[] {
  const key = (term: string) => normalizeText(term).toLowerCase();
  const before = new Map(approved.map((term) => [key(term.term), term]));
  const after = new Map(current.map((term) => [key(term.term), term]));
  const changes: GlossaryChange[] = [];
  for (const [name, term] of after) {
    const old = before.get(name);
    if (!old) changes.push({ kind: "added", term: term.term, newDefinition: term.definition });
    else if (normalizeText(old.definition) !== normalizeText(term.definition)) {
      changes.push({ kind: "changed", term: term.term, oldDefinition: old.definition, newDefinition: term.definition });
    }
  }
  for (const [name, term] of before) {
    if (!after.has(name)) changes.push({ kind: "removed", term: term.term, oldDefinition: term.definition });
  }
  return changes;
}
