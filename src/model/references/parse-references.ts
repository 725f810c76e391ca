/**
 * The references a task or property makes to acceptance criteria: `_Requirements: 1.1, 2.3_`,
 * `**Validates: Requirements 1.6, 1.7**`, `All`, `Req 2`, `R0`, `6a.1`, ranges such as `1.1-1.3`, and
 * localized labels. Ids keep their written form minus decoration, so `1.1.` becomes `1.1`.
 */
export interface ReferenceList {
  /** Criterion ids (`1.2`) or whole-requirement ids (`2`, `R0`, `6a`). */
  readonly ids: readonly string[];
  /** `All`: covers every criterion. */
  readonly all: boolean;
  /** Parts that name no id (`N/A (setup)`, free text); kept for diagnostics. */
  readonly unrecognized: readonly string[];
}

// A bare `R` directly before the number stays part of the id: `R0` may be a requirement's own id.
const ID = /^(?:(?:req(?:uirements?)?|ac|criteri(?:on|a))[\s.#-]*|r[\s.#-]+)?([A-Za-z]?\d+[a-z]*(?:\.\d+[a-z]*)*)\.?$/i;
const RANGE = /^([A-Za-z]?\d+[a-z]?(?:\.\d+)*)\s*(?:-|–|—|to)\s*([A-Za-z]?\d+[a-z]?(?:\.\d+)*)$/i;
// `\b` only works after ASCII words: CJK labels are matched without it ("需求 1.2", "要件1").
const LEADING_LABEL = /^\s*(?:(?:requirements?|reqs?)\b|需求|要件|요구사항)\s*/i;

export function parseReferenceList(text: string): ReferenceList {
  if (isPlainIdList(text)) return parsePlainIdList(text);
  // `Requirements 1.1, 1.2`, as `**Validates:**` lines write it: a plain list once the label is off.
  const body = text.replace(LEADING_LABEL, "");
  return isPlainIdList(body) ? parsePlainIdList(body) : readAnyReferenceList(body);
}

/**
 * `1.1, 2.3`: no label, `All`, range, decoration or other separator can be in it, so of the general
 * reader's steps only the id test applies (held to `parseAnyReferenceList` by a property test).
 */
function parsePlainIdList(text: string): ReferenceList {
  const ids: string[] = [];
  const unrecognized: string[] = [];
  for (const rawPart of text.split(",")) {
    const part = rawPart.trim();
    if (part === "") continue;
    const single = ID.exec(part);
    if (single?.[1]) ids.push(single[1]);
    else unrecognized.push(part);
  }
  return { ids, all: false, unrecognized };
}

/** Any reference list: labels, `All`, ranges, decoration, every separator. */
export function parseAnyReferenceList(text: string): ReferenceList {
  return readAnyReferenceList(text.replace(LEADING_LABEL, ""));
}

/** `parseAnyReferenceList` of a list whose leading label is already removed. */
function readAnyReferenceList(body: string): ReferenceList {
  const ids: string[] = [];
  const unrecognized: string[] = [];
  let all = false;
  for (const rawPart of body.split(/[,;，、]|\s+and\s+/)) {
    const part = stripDecoration(rawPart.trim());
    if (part === "") continue;
    if (/^(?:all\b|すべて|全部|所有|모든)/i.test(part)) {
      all = true;
      continue;
    }
    const range = RANGE.exec(part);
    if (range?.[1] && range[2]) {
      ids.push(...expandRange(range[1], range[2]));
      continue;
    }
    const single = ID.exec(part.replace(LEADING_LABEL, ""));
    if (single?.[1]) ids.push(single[1]);
    else unrecognized.push(part);
  }
  return { ids, all, unrecognized };
}

/** `1.1, 2.3`: only digits, dots, commas and spaces, as almost every reference list is written. */
function isPlainIdList(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (!((code >= 48 && code <= 57) || code === 46 || code === 44 || code === 32)) return false; // 0-9 . , space
  }
  return true;
}

const DECORATION = /^[`*_]+|[`*_]+$/g;

/** Backticks, bold and italics around an id (`` `1.2` ``, `**1.2**`), with the space they leave; most ids have none. */
function stripDecoration(part: string): string {
  if (!isDecoration(part.charCodeAt(0)) && !isDecoration(part.charCodeAt(part.length - 1))) return part;
  return part.replace(DECORATION, "").trim();
}

function isDecoration(code: number): boolean {
  return code === 96 || code === 42 || code === 95; // ` * _
}

/** `1.1-1.3` → 1.1, 1.2, 1.3 when both ends share a prefix; otherwise just the two ends. */
function expandRange(first: string, last: string): string[] {
  const firstParts = first.split(".");
  const lastParts = last.split(".");
  const firstTail = Number(firstParts.at(-1));
  const lastTail = Number(lastParts.at(-1));
  const samePrefix = firstParts.slice(0, -1).join(".") === lastParts.slice(0, -1).join(".");
  if (
    !samePrefix ||
    !Number.isInteger(firstTail) ||
    !Number.isInteger(lastTail) ||
    lastTail < firstTail ||
    lastTail - firstTail > 100
  ) {
    return [first, last];
  }
  const prefix = firstParts.slice(0, -1).join(".");
  const result: string[] = [];
  for (let value = firstTail; value <= lastTail; value++) result.push(prefix ? `${prefix}.${value}` : String(value));
  return result;
}
