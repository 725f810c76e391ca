import type { MarkdownDocumentBase } from "../document/kiro-document.js";
import type { EarsClassification } from "../ears/ears-classification.js";
import type { SourceLocation } from "../source/source-location.js";

/** A top-level section such as `## Introduction`. */
export interface DocumentSection {
  /** The heading text as written, `Introduction`, `简介`. */
  readonly title: string;
  /** From the heading line to the section's last non-blank line. */
  readonly location: SourceLocation;
  /** The lines under the heading, blank lines around them excluded; undefined when the section is empty. */
  readonly bodyLocation?: SourceLocation;
}

/** `- **Issue_Manager**: The automated system that …` in a Glossary section. */
export interface GlossaryTerm {
  /** The term without decoration: `Issue_Manager`. */
  readonly term: string;
  /** The definition, continuation lines joined. */
  readonly definition: string;
  /** The entry, continuation lines included. */
  readonly location: SourceLocation;
}

/** `**User Story:** As a maintainer, I want …, so that …`. */
export interface UserStory {
  /** The story without its label. */
  readonly text: string;
  /** The whole paragraph, label included. */
  readonly location: SourceLocation;
}

/** One acceptance criterion: `3. WHEN …, THE X SHALL …` under Requirement 2 is criterion `2.3`. */
export interface Criterion {
  /** Requirement id + "." + number: how tasks and design properties refer to it. */
  readonly id: string;
  /** The criterion's own number: as written (`3.` or the last part of `2.3`), or its position in a bulleted list. */
  readonly number: number;
  /** The number as written (`3`, `2.3`), undefined for a bullet. */
  readonly rawNumber?: string;
  /** The sentence without its list marker, continuation lines joined. */
  readonly text: string;
  readonly ears: EarsClassification;
  /** From the list marker to the end of the criterion's last line. */
  readonly location: SourceLocation;
  /** The sub-group it is listed under (`29a` for `##### 29a: Chain of Command`); its id is then `29a.N`. */
  readonly group?: string;
}

export interface Requirement {
  /** As written in the heading: `1`, `6a`, `R0`, `US-01`. */
  readonly id: string;
  readonly title?: string;
  /** The heading line. */
  readonly location: SourceLocation;
  /** From the heading to the requirement's last non-blank line. */
  readonly blockLocation: SourceLocation;
  readonly userStory?: UserStory;
  readonly criteria: readonly Criterion[];
}

export interface RequirementsDocument extends MarkdownDocumentBase {
  readonly kind: "requirements";
  /** The first level-1 heading. */
  readonly title?: string;
  readonly introduction?: DocumentSection;
  readonly glossary: readonly GlossaryTerm[];
  readonly requirements: readonly Requirement[];
}
