import picomatch from "picomatch/posix.js";
import { describe, expect, it } from "vitest";
import { decideInclusion } from "../../../src/engine/context/inclusion-decision.js";
import { globToRegexSource } from "../../../src/model/hooks/glob-to-regex.js";
import { parseSteering } from "../../../src/model/steering/parse-steering.js";

const GLOBS = ["app/\\[...slug\\]/page.tsx", "app/\\[id\\]/*.ts", "src/**/*.{ts,tsx}", "docs/[xy]*.md", "a\\*b.md"];
const PATHS = [
  "app/[...slug]/page.tsx",
  "app/s/page.tsx",
  "app/[id]/a.ts",
  "app/i/a.ts",
  "src/a/b.tsx",
  "docs/y.md",
  "docs/z.md",
  "a*b.md",
  "ab.md",
];

describe("globs with escaped brackets", () => {
  it("become regexes that match exactly what picomatch matches", () => {
    for (const glob of GLOBS) {
      const regex = new RegExp(globToRegexSource(glob));
      const matches = picomatch(glob, { dot: true });
      for (const path of PATHS) expect([glob, path, regex.test(path)]).toEqual([glob, path, matches(path)]);
    }
    expect(new RegExp(globToRegexSource("app/\\[...slug\\]/page.tsx")).test("app/[...slug]/page.tsx")).toBe(true);
  });

  it("include a fileMatch steering file for the Next.js route it names", () => {
    const steering = parseSteering(
      "---\ninclusion: fileMatch\nfileMatchPattern: 'app/\\[...slug\\]/page.tsx'\n---\n# Routes\n",
    );
    const decide = (file: string) =>
      decideInclusion(".kiro/steering/routes.md", steering, { filesInPlay: [file], prompt: "" }).include;
    expect(decide("app/[...slug]/page.tsx")).toBe(true);
    expect(decide("app/x/page.tsx")).toBe(false);
  });
});
