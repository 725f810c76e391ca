import type { GlossaryTerm } from "../../model/requirements/index.js";

/** `Issue_Manager`, `API_Gateway`, `Task_Runner2`: how Kiro writes the systems its Glossary defines. */
export const SNAKE_CASE_NAME = /(?<![\p{L}\p{N}_])\p{Lu}[\p{L}\p{N}]*(?:_[\p{L}\p{N}]+)+(?![\p{L}\p{N}_])/gu;

/** One spelling for comparison: case, and spaces versus underscores or hyphens, do not matter. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the[\s_]+/, "")
    .replace(/[\s_-]+/g, "_");
}

/**
 * Every name a Glossary defines, normalized: each term as a whole, and each Snake_Case name inside a term
 * (`Issue Manager (Issue_Manager)`, `Kiro_Hook / hook`).
 */
export function glossaryNames(glossary: readonly GlossaryTerm[]): Set<string> {
  const names = new Set<string>();
  for (const { term } of glossary) {
    names.add(normalizeName(term));
    for (const match of term.matchAll(SNAKE_CASE_NAME)) names.add(normalizeName(match[0]));
  }
  return names;
}

/** Whether the Glossary defines a name, allowing a plural (`Issue_Managers`) of a singular term or back. */
export function isDefined(name: string, names: ReadonlySet<string>): boolean {
  const normalized = normalizeName(name);
  const variants = [normalized, normalized.replace(/s$/, ""), normalized.replace(/es$/, ""), `${normalized}s`];
  return variants.some((variant) => names.has(variant));
}
