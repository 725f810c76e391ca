import { type AuthoringContextSources, NO_CONTEXT_SOURCES } from "./authoring-context-sources.js";

/** The workspace's steering by inclusion and, for a design, the repository inventory. */
export function defaultContextSources(): AuthoringContextSources {
  return NO_CONTEXT_SOURCES;
}
