import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitSourceText } from "../../../src/model/source/source-text.js";
import { parseTaskDetail } from "../../../src/model/tasks/parse-task-detail.js";

/** The pattern with the `d` flag, as it was: where its value group starts is where the list starts. */
const WITH_INDICES = /^_([^_:：\s][^:：]*?)\s*[:：]\s*(.*?)_\s*$/d;

describe("parseTaskDetail", () => {
  it("reads a `_Requirements:_` line's list and where it is", () => {
    const line = splitSourceText("    - _Requirements: 1.1, 1.2_").lines[0];
    const detail = line && parseTaskDetail(line);
    expect(detail?.type === "reference" && detail.value.listLocation).toMatchObject({ offset: 21, endOffset: 29 });
  });

  it("places a `_Requirements:_` list where the pattern's indices place it", () => {
    const lead = fc.constantFrom("", "  ", "    - ", "\t- ", "  * ");
    const key = fc.constantFrom("Requirements", "Req", "要件", "Depends", "requirements ");
    const colon = fc.constantFrom(":", "：", " : ", ":  ");
    const value = fc.array(fc.constantFrom("1.1", ", ", "2", "_", " ", ":", "a_b", "\u3000"), { maxLength: 8 });
    const tail = fc.constantFrom("_", "_ ", "_\t", "_\u00a0", "", "__");
    fc.assert(
      fc.property(lead, key, colon, value, tail, (start, name, separator, parts, end) => {
        const text = `${start}_${name}${separator}${parts.join("")}${end}`;
        const line = splitSourceText(text).lines[0];
        if (!line) return;
        const detail = parseTaskDetail(line);
        const bullet = /^[ \t]*(?:[-*+][ \t]+)?/.exec(text)?.[0].length ?? 0;
        const match = WITH_INDICES.exec(text.slice(bullet).trimEnd());
        if (detail.type !== "reference" || detail.value.kind !== "requirements") return;
        const listStart = bullet + (match?.indices?.[2]?.[0] ?? Number.NaN);
        expect(detail.value.listLocation.offset).toBe(listStart);
        expect(detail.value.listLocation.endOffset).toBe(listStart + (match?.[2] ?? "").length);
      }),
      { numRuns: 3000 },
    );
  });
});
