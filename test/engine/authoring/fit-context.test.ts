import { describe, expect, it } from "vitest";
import { renderAuthoringContextReport } from "../../../src/engine/authoring/context-report.js";
import { type ContextSection, fitContext } from "../../../src/engine/authoring/fit-context.js";

const section = (source: string, text: string, required: boolean): ContextSection => ({
  source,
  title: source,
  text,
  reason: required ? "required" : "steering: always",
  required,
});

describe("fitContext", () => {
  it("includes everything that fits, in the order given", () => {
    const fitted = fitContext(
      [section("request", "Rate limiting.", true), section("tech.md", "Express.", false)],
      1000,
    );
    expect(fitted.text).toBe("## request\n\nRate limiting.\n\n## tech.md\n\nExpress.\n");
    expect(fitted.report.entries.map((entry) => entry.status)).toEqual(["included", "included"]);
    expect(fitted.report.usedChars).toBeLessThanOrEqual(1000);
  });

  it("gives required sections room first, cuts an optional one at a line end and says so", () => {
    const steering = Array.from({ length: 50 }, (_, index) => `Steering line ${index}.`).join("\n");
    const fitted = fitContext([section("tech.md", steering, false), section("request", "x".repeat(200), true)], 600);
    const [request, tech] = fitted.report.entries;
    expect(request).toMatchObject({ source: "request", status: "included", chars: 200 });
    expect(tech).toMatchObject({ source: "tech.md", status: "cut" });
    expect(tech?.reason).toContain("cut to");
    expect(fitted.text).toContain("[… cut:");
    expect(fitted.text.indexOf("## tech.md")).toBeLessThan(fitted.text.indexOf("## request"));
    const steeringLines = fitted.text.split("\n").filter((line) => line.startsWith("Steering"));
    expect(steeringLines.every((line) => /^Steering line \d+\.$/.test(line))).toBe(true);
    expect(fitted.text.length).toBeLessThanOrEqual(600 + 1);
  });

  it("drops what has no room left and reports the exclusions it was given", () => {
    const fitted = fitContext(
      [section("request", "x".repeat(580), true), section("inventory", "y".repeat(500), false)],
      600,
      [{ source: ".kiro/steering/api.md", reason: "fileMatch: no file in play matches" }],
    );
    expect(fitted.report.entries.map((entry) => [entry.source, entry.status])).toEqual([
      ["request", "included"],
      ["inventory", "excluded"],
      [".kiro/steering/api.md", "excluded"],
    ]);
    expect(fitted.text).not.toContain("yyy");
    expect(renderAuthoringContextReport(fitted.report)).toContain("excluded inventory (0 chars): no room left");
  });
});
