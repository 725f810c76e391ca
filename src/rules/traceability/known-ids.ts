import type { SpecModel } from "../workspace-model.js";

/** The ids a reference in this spec may name: criteria (`1.2`), requirements (`1`) and bugfix clauses. */
export interface KnownIds {
  readonly criteria: ReadonlySet<string>;
  readonly requirements: ReadonlyMap<string, readonly string[]>;
}

export function knownIds(spec: SpecModel): KnownIds | undefined {
  const criteria = new Set<string>();
  const requirements = new Map<string, string[]>();
  const requirementsDocument = spec.requirements?.document;
  const bugfixDocument = spec.bugfix?.document;
  if (!requirementsDocument && !bugfixDocument) return undefined;
  for (const requirement of requirementsDocument?.requirements ?? []) {
    const ids = requirement.criteria.map((criterion) => criterion.id);
    requirements.set(requirement.id, ids);
    for (const criterion of requirement.criteria) {
      criteria.add(criterion.id);
      // A sub-group (`29a`) can be named as a whole, like a requirement.
      if (criterion.group !== undefined) addTo(requirements, criterion.group, criterion.id);
    }
  }
  for (const clause of bugfixDocument?.clauses ?? []) {
    criteria.add(clause.id);
    addTo(requirements, clause.id.split(".")[0] ?? "", clause.id);
  }
  // A requirements file Specwright cannot read as Kiro requirements gives no basis to judge references.
  return criteria.size === 0 ? undefined : { criteria, requirements };
}

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** The criterion ids a reference covers: itself, or every criterion of a requirement it names. */
export function coveredBy(reference: string, known: KnownIds): readonly string[] {
  if (known.criteria.has(reference)) return [reference];
  const requirement = known.requirements.get(reference);
  if (requirement) return requirement;
  // `R1.2` or `R1` against a spec numbered `1.2`, `1`.
  const letter = /^[A-Za-z](?=\d)/.exec(reference);
  return letter ? coveredBy(reference.slice(1), known) : [];
}

/**
 * Whether a reference names something of this spec: a criterion, or a requirement even when none of its
 * criteria could be read (that requirement is reported on its own, not each reference to it).
 */
export function isKnownId(reference: string, known: KnownIds): boolean {
  if (known.criteria.has(reference) || known.requirements.has(reference)) return true;
  const letter = /^[A-Za-z](?=\d)/.test(reference);
  return letter && isKnownId(reference.slice(1), known);
}
