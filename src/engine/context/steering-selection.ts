import type { SteeringDocument } from "../../model/steering/parse-steering.js";

/** The content of a `#[[file:…]]` target, or why it could not be read. */
export interface ReferencedFile {
  /** The path as written in the marker, relative to the workspace root. */
  readonly path: string;
  readonly text?: string;
  /** Set when the file could not be read (missing, outside the workspace, binary). */
  readonly problem?: string;
}

/** One steering file as selection sees it: already parsed, its file references already read. */
export interface SteeringInput {
  /** Relative to the workspace root, `/`-separated: `.kiro/steering/tech.md`. */
  readonly path: string;
  readonly document: SteeringDocument;
  readonly referencedFiles?: readonly ReferencedFile[];
}

export interface IncludedSteering {
  readonly path: string;
  /** Why it joined the context: `always`, `fileMatch: src/**\/*.ts matched src/a.ts`, … */
  readonly reason: string;
  /** The text for the model: front matter removed, `#[[file:…]]` inlined, cut to the size cap. */
  readonly text: string;
  readonly truncated: boolean;
  /** Characters before any cut. */
  readonly fullChars: number;
}

export interface ExcludedSteering {
  readonly path: string;
  readonly reason: string;
}

export interface SteeringProblem {
  readonly path: string;
  readonly message: string;
}

export interface SteeringSelection {
  readonly included: readonly IncludedSteering[];
  readonly excluded: readonly ExcludedSteering[];
  /** Non-fatal problems: a `#[[file:…]]` target that is missing or unreadable, a steering file that is. */
  readonly problems: readonly SteeringProblem[];
}
