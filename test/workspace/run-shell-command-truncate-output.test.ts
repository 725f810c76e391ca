import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OutputCollector, truncateOutput, truncationNote } from "../../src/workspace/truncate-output.js";

describe("truncateOutput", () => {
  it("keeps text that fits", () => {
    expect(truncateOutput("short", 100)).toEqual({ text: "short", truncated: false, omittedBytes: 0, totalBytes: 5 });
  });

  it("keeps head and tail and says how much was cut", () => {
    const text = `HEAD${"x".repeat(10_000)}TAIL`;
    const result = truncateOutput(text, 1000);
    expect(result.truncated).toBe(true);
    expect(result.text.startsWith("HEAD")).toBe(true);
    expect(result.text.endsWith("TAIL")).toBe(true);
    expect(result.totalBytes).toBe(10_008);
    expect(result.omittedBytes).toBe(10_008 - 1000);
    expect(result.text).toContain(`output truncated: ${10_008 - 1000} of 10008 bytes omitted`);
  });

  it("never cuts a character in half", () => {
    const text = "é".repeat(5000);
    const result = truncateOutput(text, 1001);
    expect(result.text).not.toContain("\uFFFD");
    expect(result.text.replace(/\n\[… output truncated[^\]]*\]\n/, "")).toMatch(/^é+$/);
  });

  it("streamed chunks give the same result as one string", () => {
    const text = Array.from({ length: 3000 }, (_, index) => `line ${index}\n`).join("");
    const collector = new OutputCollector(2000);
    const bytes = Buffer.from(text);
    for (let start = 0; start < bytes.byteLength; start += 37) collector.push(bytes.subarray(start, start + 37));
    expect(collector.finish()).toEqual(truncateOutput(text, 2000));
  });
});

describe("Feature: agent-tools, Property 1: Truncated output keeps its ends and its bound", () => {
  it("holds for any text, cap and chunking", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 600 }),
        fc.integer({ min: 8, max: 400 }),
        fc.integer({ min: 1, max: 50 }),
        (text, cap, chunkSize) => {
          const result = truncateOutput(text, cap);
          const bytes = Buffer.from(text);
          const collector = new OutputCollector(cap);
          for (let start = 0; start < bytes.byteLength; start += chunkSize) {
            collector.push(bytes.subarray(start, start + chunkSize));
          }
          expect(collector.finish()).toEqual(result);
          if (bytes.byteLength <= cap) {
            expect(result).toEqual({ text, truncated: false, omittedBytes: 0, totalBytes: bytes.byteLength });
            return;
          }
          const note = truncationNote(result.omittedBytes, bytes.byteLength);
          const [head = "", tail = "", ...rest] = result.text.split(note);
          expect(rest).toEqual([]);
          expect(text.startsWith(head)).toBe(true);
          expect(text.endsWith(tail)).toBe(true);
          expect(Buffer.byteLength(head) + Buffer.byteLength(tail)).toBeLessThanOrEqual(cap);
          expect(result.omittedBytes).toBe(bytes.byteLength - Buffer.byteLength(head) - Buffer.byteLength(tail));
          if (!text.includes("\uFFFD")) expect(result.text).not.toContain("\uFFFD");
        },
      ),
      { numRuns: 300 },
    );
  });
});
