import { parseReferenceList } from "../references/parse-references.js";
import type { SourceLine } from "../source/source-text.js";
import { lineLocation } from "../source/source-text.js";
import { skipSpacesAndTabs } from "../text/whitespace.js";
import type { TaskMetadata, TaskPropertyReference, TaskReferenceLine } from "./task-types.js";

export type ParsedTaskDetail =
  | { readonly type: "reference"; readonly value: TaskReferenceLine }
  | {
      readonly type: "property";
      readonly value: TaskPropertyReference;
      /** `**属性 6：…** - 验证需求 2.5, 2.6`: criteria named after the property title. */
      readonly validates?: TaskReferenceLine;
    }
  | { readonly type: "metadata"; readonly value: TaskMetadata }
  | { readonly type: "text" };

const REQUIREMENTS_LABEL = /^(?:requirements?|reqs?|需求|要件|요구사항|要求)$/i;
// `_Key: value_`, tolerant of a full-width colon and of a value that itself contains underscores.
// No `d` flag: indices cost every match, and the value's start follows from its length (see below).
const UNDERSCORE_METADATA = /^_([^_:：\s][^:：]*?)\s*[:：]\s*(.*?)_\s*$/;
// Kiro localizes these labels: `**验证需求：需求 1.4**` ("validates requirements"), `**属性 1：…**` ("property").
const VALIDATES =
  /^\*\*\s*(?:Validates|验证需求|验证|検証)\s*[:：]\s*(.*?)\s*\*\*\s*$|^\*\*\s*(?:Validates|验证需求|验证|検証)\s*[:：]\s*\*\*\s*(.*?)\s*$/di;
const PROPERTY = /^\*\*\s*(?:Property|属性|プロパティ)\s*([\w.]+)\s*[:：]\s*(.*?)\s*\*\*/i;
/** After a property title: ` - 验证需求 2.5, 2.6`, ` — Validates: Requirements 1.2`, ` (Validates 3.1)`. */
const TRAILING_VALIDATES =
  /^\s*[-–—:：(（]?\s*(?:_|\*)?(?:Validates|验证需求|验证|驗證需求|検証|검증)\s*[:：]?\s*(?:Requirements?\s*)?([^)）_*]*)/di;

/** Reads one detail line under a task: a reference list, a property, `_Key: value_` metadata or plain text. */
export function parseTaskDetail(line: SourceLine): ParsedTaskDetail {
  const bulletLength = bulletPrefixLength(line.text);
  // VALIDATES and PROPERTY start with `**`, UNDERSCORE_METADATA with `_`: other lines are plain text, and
  // most detail lines are, so they skip the regexes (and the content string) altogether.
  const first = line.text.charCodeAt(bulletLength);
  if (first !== 42 && first !== 95) return TEXT; // * _
  const content = line.text.slice(bulletLength).trimEnd();
  const location = lineLocation(line, bulletLength, bulletLength + content.length);

  const validates = first === 42 ? VALIDATES.exec(content) : null;
  if (validates) {
    const group = validates[1] === undefined ? 2 : 1;
    const list = validates[group] ?? "";
    const listStart = bulletLength + (validates.indices?.[group]?.[0] ?? content.length);
    return {
      type: "reference",
      value: {
        kind: "validates",
        label: "Validates",
        references: parseReferenceList(list),
        location,
        listLocation: lineLocation(line, listStart, listStart + list.length),
      },
    };
  }
  const property = first === 42 ? PROPERTY.exec(content) : null;
  if (property) {
    const value = { number: property[1] ?? "", title: property[2] ?? "", location };
    const after = property[0].length;
    const trailing = TRAILING_VALIDATES.exec(content.slice(after));
    const list = trailing?.[1]?.trimEnd() ?? "";
    if (!trailing || list === "") return { type: "property", value };
    const listStart = bulletLength + after + (trailing.indices?.[1]?.[0] ?? 0);
    const validates: TaskReferenceLine = {
      kind: "validates",
      label: "Validates",
      references: parseReferenceList(list),
      location,
      listLocation: lineLocation(line, listStart, listStart + list.length),
    };
    return { type: "property", value, validates };
  }
  const metadata = first === 95 ? UNDERSCORE_METADATA.exec(content) : null;
  if (metadata) {
    const key = (metadata[1] ?? "").trim();
    const value = metadata[2] ?? "";
    if (REQUIREMENTS_LABEL.test(key)) {
      // `content` is trimmed, so the match ends with the closing `_` and the value just before it.
      const listStart = bulletLength + content.length - 1 - value.length;
      return {
        type: "reference",
        value: {
          kind: "requirements",
          label: key,
          references: parseReferenceList(value),
          location,
          listLocation: lineLocation(line, listStart, listStart + value.length),
        },
      };
    }
    return { type: "metadata", value: { key, value, location } };
  }
  return TEXT;
}

const TEXT: ParsedTaskDetail = { type: "text" };

/** The length of what `/^[ \t]*(?:[-*+][ \t]+)?/` matches: indentation and a bullet with its spaces. */
function bulletPrefixLength(text: string): number {
  const indent = skipSpacesAndTabs(text);
  const code = text.charCodeAt(indent);
  if (code !== 45 && code !== 42 && code !== 43) return indent; // - * +
  const afterBullet = skipSpacesAndTabs(text, indent + 1);
  return afterBullet > indent + 1 ? afterBullet : indent;
}
