/** The spec documents a model writes; `.config.kiro` and `tasks.meta.json` are never generated. */
export const SPEC_DOCUMENT_KINDS = ["requirements", "bugfix", "design", "tasks"] as const;
export type SpecDocumentKind = (typeof SPEC_DOCUMENT_KINDS)[number];

export function specDocumentFileName(kind: SpecDocumentKind): `${SpecDocumentKind}.md` {
  return `${kind}.md`;
}

export function isSpecDocumentKind(value: string): value is SpecDocumentKind {
  return SPEC_DOCUMENT_KINDS.some((kind) => kind === value);
}
