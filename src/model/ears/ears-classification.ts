/**
 * The five EARS requirement patterns (Mavin et al.), `complex` for a sentence that combines several
 * preconditions, and `none` for a sentence without SHALL (a defect description, free prose).
 */
export type EarsPattern =
  | "ubiquitous"
  | "event-driven"
  | "unwanted-behaviour"
  | "state-driven"
  | "optional-feature"
  | "complex"
  | "none";

export const EARS_PATTERNS: readonly EarsPattern[] = [
  "ubiquitous",
  "event-driven",
  "unwanted-behaviour",
  "state-driven",
  "optional-feature",
  "complex",
  "none",
];

/** The keyword that opens a precondition clause: WHEN (trigger), IF (unwanted), WHILE (state), WHERE (feature). */
export type EarsKeyword = "when" | "if" | "while" | "where";

/** One precondition as written, `WHEN a user saves` → `{ keyword: "when", text: "a user saves" }`. */
export interface EarsClause {
  readonly keyword: EarsKeyword;
  readonly text: string;
}

export interface EarsClassification {
  readonly pattern: EarsPattern;
  readonly hasShall: boolean;
  /** `SHALL NOT`. */
  readonly negated: boolean;
  /** The system named before SHALL, article dropped: `Issue_Manager`, `system`. */
  readonly subject?: string;
  /** Every precondition in reading order; `complex` sentences have several. */
  readonly clauses: readonly EarsClause[];
  /** The first WHEN clause. */
  readonly trigger?: string;
  /** The first IF clause. */
  readonly condition?: string;
  /** The first WHILE clause. */
  readonly state?: string;
  /** The first WHERE clause. */
  readonly feature?: string;
  /** What follows SHALL (and NOT). */
  readonly response?: string;
}
