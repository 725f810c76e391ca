import { describe, expect, it } from "vitest";
import { lockRecordSchema } from "../../src/workspace/lock-record.js";
import { parseLockRecord, serializeLockRecord } from "../../src/workspace/lock-record-text.js";

const valid = { pid: 4242, hostname: "build-1", createdAt: "2026-12-07T15:30:49.123Z", token: "a1b2" };

/** Lock file texts a crash, another tool or a person could leave, each judged by the schema and the reader. */
const TEXTS: readonly string[] = [
  serializeLockRecord(valid),
  JSON.stringify({ ...valid, extra: true }),
  JSON.stringify({ token: "t", createdAt: valid.createdAt, hostname: "h", pid: 1 }),
  ...[0, -1, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER, "12", null].map((pid) => JSON.stringify({ ...valid, pid })),
  ...[
    "2026-12-07T15:30:49Z",
    "2026-12-07T15:30Z",
    "2026-12-07T15:30:49+01:00",
    "2026-12-07 15:30:49Z",
    "2024-02-29T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-12-07T24:00:00Z",
    "2026-12-07T15:30:49.Z",
    "2026-12-07T15:30:49.123456789Z",
    "",
  ].map((createdAt) => JSON.stringify({ ...valid, createdAt })),
  JSON.stringify({ ...valid, token: "" }),
  JSON.stringify({ ...valid, hostname: 7 }),
  JSON.stringify({ pid: 1, hostname: "h", createdAt: valid.createdAt }),
  "[]",
  "null",
  '"text"',
  "",
  '{"pid": 12, "hostname": "h", "createdAt": "2026-12-07T15:30:49Z", "tok',
];

describe("parseLockRecord", () => {
  it("accepts and returns exactly what lockRecordSchema does", () => {
    let accepted = 0;
    for (const text of TEXTS) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        expect(parseLockRecord(text), text).toBeUndefined();
        continue;
      }
      const expected = lockRecordSchema.safeParse(json);
      const actual = parseLockRecord(text);
      if (expected.success) accepted++;
      expect(actual, text).toStrictEqual(expected.success ? expected.data : undefined);
      if (actual) expect(Object.keys(actual)).toEqual(Object.keys(expected.data ?? {}));
    }
    // Both kinds are exercised: some texts are records, most are not.
    expect(accepted).toBeGreaterThan(3);
    expect(accepted).toBeLessThan(TEXTS.length - 10);
  });

  it("reads back what serializeLockRecord writes", () => {
    expect(parseLockRecord(serializeLockRecord(valid))).toStrictEqual(valid);
  });
});
