/** The spec documents served as resources, by file name. */
export const RESOURCE_DOCUMENTS = ["requirements.md", "bugfix.md", "design.md", "tasks.md"] as const;
export type ResourceDocument = (typeof RESOURCE_DOCUMENTS)[number];

export const SPEC_DOCUMENT_URI_TEMPLATE = "specwright://specs/{spec}/{document}";

export function isResourceDocument(name: string): name is ResourceDocument {
  return RESOURCE_DOCUMENTS.some((document) => document === name);
}

export function specDocumentUri(spec: string, document: ResourceDocument): string {
  return `specwright://specs/${encodeURIComponent(spec)}/${document}`;
}

/** The spec document a changed path (relative to the root) is, if it is one: `.kiro/specs/<spec>/<document>`. */
export function specDocumentOfPath(path: string): { spec: string; document: ResourceDocument } | undefined {
  const match = /^\.kiro\/specs\/([^/]+)\/([^/]+)$/.exec(path);
  const spec = match?.[1];
  const document = match?.[2];
  if (spec === undefined || document === undefined || !isResourceDocument(document)) return undefined;
  return { spec, document };
}
