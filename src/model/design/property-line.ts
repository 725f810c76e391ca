/**
 * Recognizes the line that opens a correctness property, in the forms real design.md files use:
 * `### Property 2: Title`, `**Property 2: Title**`, `**Property 2**: Title`, `Property 2: Title`,
 * `1. **Property 2: Title** (Requirements 1.1)`, `**Property 2 (Title)**`, and localized labels
 * (`**属性 1：标题**`).
 */
export interface PropertyLine {
  readonly number: string;
  readonly title: string;
  /** Index in the examined text where the title starts and ends (for its location); equal when untitled. */
  readonly titleStart: number;
  readonly titleEnd: number;
  /** Text after the bold span, such as `(Requirements 1.1, 1.2)`; with its start index. */
  readonly trailing: string;
  readonly trailingStart: number;
}

// `属性测试 1` ("property test 1") in a testing strategy names a test, not a property, so it is not a label.
const LABEL = "(?:Property|属性|プロパティ|속성)";
const OPENING = new RegExp(String.raw`^([*_]{0,3})${LABEL}[ \t]*(\d+[a-z]?(?:\.\d+)*)(?![\d.]*\d)`, "i");
const SEPARATOR = /^[\s:：.\-—–]+/;

/**
 * Whether `text` from `start` can open a property, by its first letter after up to three `*` or `_`: what
 * OPENING needs first, checked without a regex (a design has a few properties among hundreds of lines).
 */
export function mayOpenProperty(text: string, start: number): boolean {
  let index = start;
  while (index < start + 3 && (text.charCodeAt(index) === 42 || text.charCodeAt(index) === 95)) index++; // * _
  const first = text.charCodeAt(index);
  // P, p, 属, プ, 속 (the first letters of LABEL's words)
  return first === 80 || first === 112 || first === 0x5c5e || first === 0x30d7 || first === 0xc18d;
}

/**
 * Matches `text` (a heading title or a line's content without its list marker) from its start. `strict`, for
 * paragraphs and list items, wants a plain `Property 1` to be followed by a separator (`Property 1: Title`) so
 * that prose such as "Property 1 holds because…" is not taken for a definition.
 */
export function matchPropertyLine(text: string, options: { strict?: boolean } = {}): PropertyLine | undefined {
  if (!mayOpenProperty(text, 0)) return undefined;
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const emphasis = opening[1] ?? "";
  const number = opening[2] ?? "";
  let cursor = opening[0].length;
  // A property number is followed by a separator, a parenthesis, emphasis or nothing: not `Property 1x`.
  const next = text.slice(cursor);
  if (next !== "" && !/^[\s:：.\-—–(*_（]/.test(next)) return undefined;
  if (options.strict && emphasis === "" && next.trim() !== "" && !/^\s*[:：.\-—–]/.test(next)) return undefined;
  let inside = next;
  let trailing = "";
  let trailingStart = text.length;
  if (emphasis !== "") {
    const close = next.indexOf(emphasis);
    if (close >= 0) {
      inside = next.slice(0, close);
      trailingStart = cursor + close + emphasis.length;
      trailing = text.slice(trailingStart);
    }
  }
  let titleText = inside;
  let titleOffset = cursor;
  const separator = SEPARATOR.exec(titleText)?.[0] ?? "";
  titleText = titleText.slice(separator.length);
  titleOffset += separator.length;
  const parenthesized = /^[(（]([^)）]*)[)）]\s*$/.exec(titleText);
  if (parenthesized) {
    titleOffset += 1;
    titleText = parenthesized[1] ?? "";
  } else if (titleText.trim() === "" && emphasis !== "") {
    // `**Property 1**: Title`: the title follows the bold span.
    const after = SEPARATOR.exec(trailing)?.[0] ?? "";
    if (after.includes(":") || after.includes("：")) {
      titleOffset = trailingStart + after.length;
      titleText = trailing.slice(after.length);
      trailing = "";
      trailingStart = text.length;
    }
  }
  const leading = titleText.length - titleText.trimStart().length;
  const title = titleText.trim();
  cursor = titleOffset + leading;
  return { number, title, titleStart: cursor, titleEnd: cursor + title.length, trailing, trailingStart };
}
