import { describe, expect, it } from "vitest";
import { readAtxHeading } from "../../../src/model/markdown/atx-heading.js";

/** The regex the hand-written reader replaces; it must give the same level and title on every line. */
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/;

function byRegex(text: string): { level: number; title: string } | undefined {
  const match = HEADING.exec(text);
  return match ? { level: match[1]?.length ?? 1, title: (match[2] ?? "").trim() } : undefined;
}

describe("readAtxHeading", () => {
  it("reads the headings Kiro writes", () => {
    expect(readAtxHeading("### Requirement 1: Title")).toEqual({ level: 3, title: "Requirement 1: Title" });
    expect(readAtxHeading("## Overview ##")).toEqual({ level: 2, title: "Overview" });
    expect(readAtxHeading("#")).toEqual({ level: 1, title: "" });
    expect(readAtxHeading("#hashtag")).toBeUndefined();
    expect(readAtxHeading("    # code")).toBeUndefined();
  });

  it("agrees with the heading regex on every short line made of heading characters", () => {
    const alphabet = [" ", "\t", "#", "a", "\u00a0", "\u2028", "b c"];
    const disagreements: string[] = [];
    const visit = (text: string, depth: number): void => {
      const expected = byRegex(text);
      const actual = readAtxHeading(text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) disagreements.push(JSON.stringify(text));
      if (depth === 0) return;
      for (const piece of alphabet) visit(text + piece, depth - 1);
    };
    visit("", 7);
    for (const prefix of ["#######", "   #", "  ##", "###### ", "####### a"]) visit(prefix, 4);
    expect(disagreements).toEqual([]);
  });
});
