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
    for (const id of ids) criteria.add(id);
  }
  for (const clause of bugfixDocument?.clauses ?? []) {
    criteria.add(clause.id);
    const group = clause.id.split(".")[0] ?? "";
    requirements.set(group, [...(requirements.get(group) ?? []), clause.id]);
  }
  // A requirements file Specwright cannot read as Kiro requirements gives no basis to judge references.
  return criteria.size === 0 ? undefined : { criteria, requirements };
}

/** The criterion ids a reference covers: itself, or every criterion of a requirement it names. */
export function coveredBy(reference: string, known: KnownIds): readonly string[] {
  if (known.criteria.has(reference)) return [reference];
  return known.requirements.get(reference) ?? [];
}
