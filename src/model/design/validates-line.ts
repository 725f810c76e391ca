import { parseReferenceList, type ReferenceList } from "../references/parse-references.js";
import { isWhitespaceCode } from "../text/whitespace.js";

/**
 * A `**Validates: Requirements 1.2, 1.3**` line (or `**验证需求：1.2**`, `**Requirements Reference**: 1.3`), as
 * indexes into the line.
 */
export interface ValidatesMatch {
  readonly references: ReferenceList;
  readonly start: number;
  readonly end: number;
}

const VALIDATES =
  /^(?:[-*+]\s+)?[*_]{0,3}\s*(?:Validates(?:\s+Requirements?)?|Requirements?(?:\s+Reference)?|验证需求|验证|検証要件|検証|검증)\s*[*_]{0,3}\s*[:：]\s*(.*)$/i;
/**
 * Whether a code unit is one VALIDATES can start with (`[-*+_vr验検검]`, case-insensitive; a trimmed line has
 * no leading `\s`): a cheap test for other lines, made before the line is trimmed.
 */
function mayStartValidates(code: number): boolean {
  return (
    code === 45 || // -
    code === 42 || // *
    code === 43 || // +
    code === 95 || // _
    (code | 0x20) === 118 || // v V
    (code | 0x20) === 114 || // r R
    code === 0x9a8c || // 验
    code === 0x691c || // 検
    code === 0xac80 // 검
  );
}
const INLINE_REFERENCES = /[(（]\s*((?:Requirements?|Reqs?\.?|要件|需求|요구사항)\s*[:：]?\s*[^)）]*?)\s*[)）]/i;

/** Recognizes a whole line that says which criteria a property validates. */
export function matchValidatesLine(text: string): ValidatesMatch | undefined {
  let first = 0;
  while (first < text.length && isWhitespaceCode(text.charCodeAt(first))) first++;
  // A blank line ends here: reading the code past its end (NaN, no match) deoptimized the property reader.
  if (first === text.length || !mayStartValidates(text.charCodeAt(first))) return undefined;
  const trimmed = text.trim();
  const match = VALIDATES.exec(trimmed);
  if (!match) return undefined;
  const start = text.indexOf(trimmed);
  return { references: parseReferenceText(match[1] ?? ""), start, end: start + trimmed.length };
}

/** Recognizes `(Requirements 1.1, 1.2)` or `(要件 3)` inside a property's title line. */
export function matchInlineReferences(text: string): ValidatesMatch | undefined {
  const match = INLINE_REFERENCES.exec(text);
  if (!match) return undefined;
  const start = match.index;
  return { references: parseReferenceText(match[1] ?? ""), start, end: start + match[0].length };
}

/** Emphasis and remarks in parentheses (`1 (implied from 2)`) are not ids. */
function parseReferenceText(text: string): ReferenceList {
  // The three replaces need a `*`, `_`, `(` or `（`: most lists (`Requirements 1.1, 1.2`) have none.
  if (!hasDecorationOrRemark(text)) return parseReferenceList(text.trim());
  const cleaned = text
    .replace(/[*_]+\s*$/, "")
    .replace(/^\s*[*_]+/, "")
    .replace(/\s*[(（][^)）]*[)）]/g, "")
    .trim();
  return parseReferenceList(cleaned);
}

function hasDecorationOrRemark(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 42 || code === 95 || code === 40 || code === 0xff08) return true; // * _ ( （
  }
  return false;
}
