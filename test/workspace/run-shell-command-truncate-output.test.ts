import { describe, expect, it } from "vitest";
import { OutputCollector, truncateOutput } from "../../src/workspace/truncate-output.js";

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
