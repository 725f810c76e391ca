import { parseReferenceList } from "../references/parse-references.js";
import type { SourceLine } from "../source/source-text.js";
import { lineLocation } from "../source/source-text.js";
import type { TaskMetadata, TaskPropertyReference, TaskReferenceLine } from "./task-types.js";

export type ParsedTaskDetail =
  | { readonly type: "reference"; readonly value: TaskReferenceLine }
  | { readonly type: "property"; readonly value: TaskPropertyReference }
  | { readonly type: "metadata"; readonly value: TaskMetadata }
  | { readonly type: "text" };

const REQUIREMENTS_LABEL = /^(?:requirements?|reqs?|需求|要件|요구사항|要求)$/i;
// `_Key: value_`, tolerant of a full-width colon and of a value that itself contains underscores.
const UNDERSCORE_METADATA = /^_([^_:：\s][^:：]*?)\s*[:：]\s*(.*?)_\s*$/d;
const VALIDATES = /^\*\*\s*Validates\s*[:：]\s*(.*?)\s*\*\*\s*$|^\*\*\s*Validates\s*[:：]\s*\*\*\s*(.*?)\s*$/di;
const PROPERTY = /^\*\*\s*Property\s+([\w.]+)\s*[:：]\s*(.*?)\s*\*\*/i;
const BULLET = /^[ \t]*(?:[-*+][ \t]+)?/;

/** Reads one detail line under a task: a reference list, a property, `_Key: value_` metadata or plain text. */
export function parseTaskDetail(line: SourceLine): ParsedTaskDetail {
  const bullet = BULLET.exec(line.text)?.[0] ?? "";
  const content = line.text.slice(bullet.length).trimEnd();
  const location = lineLocation(line, bullet.length, bullet.length + content.length);

  const validates = VALIDATES.exec(content);
  if (validates) {
    const group = validates[1] === undefined ? 2 : 1;
    const list = validates[group] ?? "";
    const listStart = bullet.length + (validates.indices?.[group]?.[0] ?? content.length);
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
  const property = PROPERTY.exec(content);
  if (property) {
    return { type: "property", value: { number: property[1] ?? "", title: property[2] ?? "", location } };
  }
  const metadata = UNDERSCORE_METADATA.exec(content);
  if (metadata) {
    const key = (metadata[1] ?? "").trim();
    const value = metadata[2] ?? "";
    if (REQUIREMENTS_LABEL.test(key)) {
      const listStart = bullet.length + (metadata.indices?.[2]?.[0] ?? content.length);
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
  return { type: "text" };
}
