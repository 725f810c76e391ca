import { labelAlternation } from "./label-vocabulary.js";

/**
 * The section names Kiro writes, in English and in the languages found in real files. Matching is on the
 * heading text (or a bold label line) with decoration and a trailing colon removed.
 */

// Built from the per-language tables in label-vocabulary.ts: add a language there, not here.
const NUMBERING = String.raw`(?:\d+(?:\.\d+)*\.?\s*)?`;
/** After a label: not more of a word (`Overviews`), but anything else may follow (`… for Requirement 6`). */
const LABEL_END = String.raw`(?![\p{L}\p{M}])`;
const INTRODUCTION = new RegExp(`^${NUMBERING}(?:${labelAlternation("introduction")})${LABEL_END}`, "iu");
const GLOSSARY = new RegExp(
  `^${NUMBERING}(?:[\\p{L}\\p{M} ]*\\s)?(?:${labelAlternation("glossary")})${LABEL_END}`,
  "iu",
);
const ACCEPTANCE_CRITERIA = new RegExp(`^${NUMBERING}(?:${labelAlternation("acceptanceCriteria")})${LABEL_END}`, "iu");

/** Removes bold, a trailing colon and surrounding space: `**Acceptance Criteria:**` → `Acceptance Criteria`. */
export function plainLabel(text: string): string {
  // Each step runs only when it has something to do: most titles are plain words.
  let label = (text.includes("**") || text.includes("__") ? text.replace(/\*\*|__/g, "") : text).trim();
  const last = label.charCodeAt(label.length - 1);
  if (last === 0x3a || last === 0xff1a) label = label.slice(0, -1).trim(); // : ：
  return label;
}

export function isIntroductionTitle(text: string): boolean {
  return INTRODUCTION.test(plainLabel(text));
}

export function isGlossaryTitle(text: string): boolean {
  return GLOSSARY.test(plainLabel(text));
}

export function isAcceptanceCriteriaTitle(text: string): boolean {
  return ACCEPTANCE_CRITERIA.test(plainLabel(text));
}

/**
 * `**Acceptance Criteria:**` written as a bold line instead of a heading (older and hand-written files).
 * The whole line must be the label, so a sentence mentioning acceptance criteria does not count.
 */
export function isAcceptanceCriteriaLabelLine(lineText: string): boolean {
  const trimmed = lineText.trim();
  // The regex wants bold first and last (a colon may follow): most lines are prose and fail these tests.
  const first = trimmed.charCodeAt(0);
  if (first !== 42 && first !== 95) return false; // * _
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last !== 42 && last !== 95 && last !== 0x3a && last !== 0xff1a) return false; // * _ : ：
  return /^(?:\*\*|__).*(?:\*\*|__)[:：]?$/.test(trimmed) && isAcceptanceCriteriaTitle(trimmed);
}

const USER_STORY_LABEL = new RegExp(
  String.raw`^\s*(?:\*\*|__)?\s*(?:${labelAlternation("userStory")})\s*(?:\*\*|__)?\s*[:：]?\s*(?:\*\*|__)?\s*`,
  "iu",
);
/** A story written without a label: `**As a** developer`, `**Como** consumidor`, `作为…`, `بصفتي`. */
const USER_STORY_OPENING = /^\s*(?:\*\*|__)?\s*(?:as an?\b|como\b|作为|作為|として|بصفتي|بصفة|với tư cách|ในฐานะ)/iu;

/** The length of a user-story label at the start of a line (0 when the line opens a story without one), or undefined. */
export function userStoryLabelLength(lineText: string): number | undefined {
  const label = USER_STORY_LABEL.exec(lineText);
  if (label) return label[0].length;
  return USER_STORY_OPENING.test(lineText) ? 0 : undefined;
}
