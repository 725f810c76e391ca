import type { Requirement } from "../../model/requirements/requirements-types.js";
import type { SpecModel } from "../workspace-model.js";

/** The ids a reference in this spec may name: criteria (`1.2`), requirements (`1`) and bugfix clauses. */
export interface KnownIds {
  readonly criteria: ReadonlySet<string>;
  readonly requirements: ReadonlyMap<string, readonly string[]>;
}

// Asked for by three rules per spec (unknown references, tasks without references, uncovered criteria):
// built once per spec model, which is never changed once built.
const knownBySpec = new WeakMap<SpecModel, KnownIds | null>();

export function knownIds(spec: SpecModel): KnownIds | undefined {
  let ids = knownBySpec.get(spec);
  if (ids === undefined) {
    ids = collectKnownIds(spec) ?? null;
    knownBySpec.set(spec, ids);
  }
  return ids ?? undefined;
}

function collectKnownIds(spec: SpecModel): KnownIds | undefined {
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
  addRenderedNumbers(requirementsDocument?.requirements ?? [], criteria, requirements);
  for (const clause of bugfixDocument?.clauses ?? []) {
    criteria.add(clause.id);
    addTo(requirements, clause.id.split(".")[0] ?? "", clause.id);
  }
  // A requirements file Specwright cannot read as Kiro requirements gives no basis to judge references.
  return criteria.size === 0 ? undefined : { criteria, requirements };
}

/**
 * A markdown list is rendered numbered from its first item on, whatever the later numbers say: `3.`, `4.`,
 * `4.` shows 3, 4, 5, and tasks written against the rendered document reference the third item as `N.5`.
 * That rendered id names the criterion too, unless it is some other criterion's own id.
 */
function addRenderedNumbers(
  list: readonly Requirement[],
  criteria: ReadonlySet<string>,
  requirements: Map<string, string[]>,
): void {
  for (const requirement of list) {
    let owner: string | undefined;
    let rendered = 0;
    for (const criterion of requirement.criteria) {
      const written = criterion.rawNumber;
      if (written === undefined || written.includes(".")) {
        owner = undefined;
        continue;
      }
      const group = criterion.group ?? requirement.id;
      rendered = group === owner ? rendered + 1 : criterion.number;
      owner = group;
      const id = `${group}.${rendered}`;
      if (id !== criterion.id && !criteria.has(id)) addTo(requirements, id, criterion.id);
    }
  }
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
