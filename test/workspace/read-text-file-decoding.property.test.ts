import { Buffer, isUtf8 } from "node:buffer";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readTextFileSync } from "../../src/workspace/read-text-file.js";
import { isWorkspaceError } from "../../src/workspace/workspace-error.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const temp = useTempDirectory();

/** The plain verdict on a file's bytes: the size limit, then a NUL in the first 8 KB, then UTF-8 validity. */
function plainVerdict(bytes: Buffer, maxBytes: number): string {
  if (bytes.byteLength > maxBytes) return `too-large ${bytes.byteLength}`;
  const nul = bytes.indexOf(0);
  if (nul !== -1 && nul < 8192) return "binary-file";
  if (!isUtf8(bytes)) return "invalid-utf8";
  return `text ${bytes.toString("utf8")}`;
}

function readVerdict(path: string, maxBytes: number): string {
  try {
    return `text ${readTextFileSync(path, { maxBytes })}`;
  } catch (error) {
    if (!isWorkspaceError(error)) throw error;
    return error.code === "too-large" ? `too-large ${/ is (\d+) bytes/.exec(error.message)?.[1]}` : error.code;
  }
}

/** Pieces a file is made of: text in one to four bytes a character, a BOM, U+FFFD itself, NUL, and broken sequences. */
const piece = fc.oneof(
  { weight: 20, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }).map((text) => Buffer.from(text, "utf8")) },
  {
    weight: 6,
    arbitrary: fc.constantFrom("a".repeat(1000), "é".repeat(700), "€".repeat(500)).map((text) => Buffer.from(text)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      [0xef, 0xbb, 0xbf], // BOM
      [0xef, 0xbf, 0xbd], // U+FFFD, valid
      [0x00],
      [0xff],
      [0xc0, 0x80], // overlong NUL
      [0xed, 0xa0, 0x80], // a surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xe2, 0x82], // truncated
      [0xf0, 0x9f, 0x98], // truncated
      [0x80], // lone continuation
    ),
  },
);

describe("readTextFileSync's decoding (one native call, or whole into a reused buffer)", () => {
  it("gives the plain verdict (text, binary, invalid UTF-8, too large) for any bytes", () => {
    const path = join(temp(), "document.md");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.constantFrom(32 * 1024 * 1024, 9000, 3000, 100),
        (pieces, maxBytes) => {
          const bytes = Buffer.concat(pieces.map((part) => Buffer.from(part)));
          writeFileSync(path, bytes);
          expect(readVerdict(path, maxBytes)).toBe(plainVerdict(bytes, maxBytes));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("gives the plain verdict for files past the one-call size, read whole into a reused buffer", () => {
    const path = join(temp(), "large.md");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }),
        fc.integer({ min: 16 * 1024 - 40, max: 300 * 1024 }),
        fc.nat(),
        fc.constantFrom(32 * 1024 * 1024, 100 * 1024),
        (pieces, fillerBytes, at, maxBytes) => {
          const parts = pieces.map((part) => Buffer.from(part));
          parts.splice(at % (parts.length + 1), 0, Buffer.from("é".repeat(Math.floor(fillerBytes / 2))));
          const bytes = Buffer.concat(parts);
          writeFileSync(path, bytes);
          expect(readVerdict(path, maxBytes)).toBe(plainVerdict(bytes, maxBytes));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("keeps nothing of a longer file read before in the reused buffer", () => {
    const long = join(temp(), "long-first.md");
    const short = join(temp(), "short-after.md");
    writeFileSync(long, `${"x".repeat(200_000)}END`);
    writeFileSync(short, `${"y".repeat(20_000)}end`);
    expect(readTextFileSync(long)).toBe(`${"x".repeat(200_000)}END`);
    expect(readTextFileSync(short)).toBe(`${"y".repeat(20_000)}end`);
    // Past the size a reused buffer keeps: read in a buffer of its own, then the shared one again.
    const huge = join(temp(), "huge.md");
    writeFileSync(huge, "z".repeat(3 * 1024 * 1024));
    expect(readTextFileSync(huge)).toHaveLength(3 * 1024 * 1024);
    expect(readTextFileSync(short)).toBe(`${"y".repeat(20_000)}end`);
  });

  it("reads multi-byte characters across the native reader's 8 KB chunks", () => {
    const path = join(temp(), "long.md");
    const text = `${"a".repeat(8191)}€${"😀".repeat(3000)}\u0000`;
    writeFileSync(path, text);

    expect(readTextFileSync(path)).toBe(text);
  });

  it("refuses a NUL that lies in the first 8 KB of bytes though later in the text", () => {
    const path = join(temp(), "late-in-text.md");
    // 4,000 three-byte characters put a NUL at text index 4,000 but byte offset 12,000: past the sniff, so text.
    writeFileSync(path, `${"€".repeat(4000)}\u0000`);
    expect(readTextFileSync(path)).toBe(`${"€".repeat(4000)}\u0000`);
    // At byte offset 6,000 (text index 2,000) it is binary.
    writeFileSync(path, `${"€".repeat(2000)}\u0000`);
    expect(readVerdict(path, 1024 * 1024)).toBe("binary-file");
  });

  it("calls a file binary for a NUL at byte 8,191 and text for one at byte 8,192", () => {
    const path = join(temp(), "boundary.md");
    writeFileSync(path, `${"a".repeat(8191)}\u0000${"b".repeat(20_000)}`);
    expect(readVerdict(path, 1024 * 1024)).toBe("binary-file");
    writeFileSync(path, `${"a".repeat(8192)}\u0000${"b".repeat(20_000)}\u0000`);
    expect(readTextFileSync(path)).toBe(`${"a".repeat(8192)}\u0000${"b".repeat(20_000)}\u0000`);
  });
});
