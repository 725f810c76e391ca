import { labelAlternation } from "./label-vocabulary.js";

/** What a requirement heading says: `### Requirement 6a: Export` → `{ id: "6a", title: "Export" }`. */
export interface RequirementHeading {
  readonly id: string;
  readonly title?: string;
}

const LABEL = `(?:${labelAlternation("requirement")}|ユーザーストーリー)`;
const SEPARATOR = String.raw`(?:\s*[:：—–\-.)]\s*|\s+|$)`;
/** `Requirement 1`, `Requirement R0`, `Requirement 6a`, `Requirement 1.2`, `需求 1`, `要件1`, `요구사항 1`. */
const LABELLED = new RegExp(String.raw`^${LABEL}\s*#?\s*([A-Za-z]?\d+(?:\.\d+)*[a-z]?)(?![\w])${SEPARATOR}(.*)$`, "iu");
/** Code-style ids used as the heading itself: `US-01 — Listar itens`, `REQ-3: …`, `FR-2 …`. */
const CODED = new RegExp(String.raw`^([A-Z]{1,5}-\d+[a-z]?)(?![\w])${SEPARATOR}(.*)$`);
/** A short code without a dash, only with a colon after it: `R1：Title`, `FR2: Title` (not `S3 Bucket`). */
const BARE_CODE = /^([A-Z]{1,4}\d+[a-z]?)\s*[:：]\s*(.*)$/;

/**
 * Reads a heading's text as a requirement heading, or returns undefined. Every variant found in real Kiro
 * files is accepted; bold around the label (`**Requirement 1**`) is ignored.
 */
export function parseRequirementHeading(headingText: string): RequirementHeading | undefined {
  const text = (headingText.includes("**") ? headingText.replace(/\*\*/g, "") : headingText).trim();
  const match = LABELLED.exec(text) ?? CODED.exec(text) ?? BARE_CODE.exec(text);
  const id = match?.[1];
  if (!match || id === undefined) return undefined;
  const title = (match[2] ?? "").trim();
  return title ? { id, title } : { id };
}
