import type { MarkdownDocumentBase } from "../document/kiro-document.js";
import type { EarsClassification } from "../ears/ears-classification.js";
import type { DocumentSection } from "../requirements/requirements-types.js";
import type { SourceLocation } from "../source/source-location.js";

/**
 * The three parts of a bug analysis: what happens now (1.x), what should happen (2.x), and what must keep
 * happening (3.x).
 */
export type BugfixGroup = "current" | "expected" | "unchanged";

export const BUGFIX_GROUPS: readonly BugfixGroup[] = ["current", "expected", "unchanged"];

/** `### Current Behavior (Defect)` and its siblings. */
export interface BugfixSection {
  readonly group: BugfixGroup;
  /** The heading text as written. */
  readonly title: string;
  /** The heading line. */
  readonly location: SourceLocation;
  /** From the heading to the section's last non-blank line. */
  readonly blockLocation: SourceLocation;
}

/** `2.1 WHEN the agent stops THEN the system SHALL present only one hook`. */
export interface BugfixClause {
  /** Group number + "." + number: `1.2` (current), `2.2` (expected), `3.2` (unchanged). */
  readonly id: string;
  readonly group: BugfixGroup;
  /** The clause's own number: the last part of `2.3`, or its position in a bulleted list. */
  readonly number: number;
  /** The number as written (`2.3`, `3`), undefined for a bullet. */
  readonly rawNumber?: string;
  readonly text: string;
  /** Current-behaviour clauses describe the defect and usually have no SHALL (`none`). */
  readonly ears: EarsClassification;
  /** From the number to the end of the clause's last line. */
  readonly location: SourceLocation;
}

export interface BugfixDocument extends MarkdownDocumentBase {
  readonly kind: "bugfix";
  readonly title?: string;
  readonly introduction?: DocumentSection;
  readonly sections: readonly BugfixSection[];
  readonly clauses: readonly BugfixClause[];
}
