import { describe, expect, it } from "vitest";
import { steeringRules } from "../../../src/rules/steering/index.js";
import { corpusDiagnostics, corpusWorkspaces, countByRule } from "./corpus-workspaces.js";

describe("steering rules on the real corpus", () => {
  const diagnostics = corpusDiagnostics(steeringRules);

  it("reports only the problems a reader of the corpus confirmed, each once", () => {
    console.log("steering rules on the corpus:", countByRule(diagnostics));
    const absent = corpusWorkspaces().flatMap(({ repo, absentReferences }) =>
      absentReferences.map((path) => `${repo}: ${path}`),
    );
    console.log(`#[[file:…]] targets the corpus does not hold (not judged): ${absent.length}`);
    // Each line was read in its file: a comma-separated pattern (Kiro#11095), `inclusion:` values Kiro does
    // not have, and an `auto` file Kiro cannot match without a description.
    const reported = diagnostics.map(
      (diagnostic) => `${diagnostic.rule} ${diagnostic.file}:${diagnostic.location.line}`,
    );
    expect(reported.sort()).toEqual(
      [
        "steering/comma-separated-pattern 0xGosu__test-agentic-coding-demo-v0/.kiro/steering/test.md:3",
        "steering/comma-separated-pattern IsDiegoLalo__admin-propiedades/.kiro/steering/infrastructure.md:3",
        "steering/unknown-inclusion damlalper__Ceefax2077-Kiroween/.kiro/steering/gossip_girl.md:4",
        "steering/unknown-inclusion damlalper__Ceefax2077-Kiroween/.kiro/steering/rogue_ai.md:4",
        "steering/unknown-inclusion llamojha__no-vibe-no-code-kiroween/.kiro/steering/git-best-practices.md:3",
        "steering/comma-separated-pattern llamojha__no-vibe-no-code-kiroween/.kiro/steering/react-best-practices.md:4",
        "steering/comma-separated-pattern sebsto__maxi80-backend-swift/.kiro/steering/lambda-runtime.md:3",
        "steering/auto-without-description zyake__onenote_pdf_extractor/.kiro/steering/spec-location.md:2",
      ].sort(),
    );
  });

  it("spells out the array form with the file's own globs", () => {
    const comma = diagnostics.find((diagnostic) => diagnostic.file.includes("react-best-practices.md"));
    expect(comma?.fix).toBe('Write `fileMatchPattern: ["*.tsx", "*.jsx", "*react*"]`.');
  });

  it("reads every corpus steering file without a front matter or field problem", () => {
    const steeringFiles = corpusWorkspaces().reduce((sum, { model }) => sum + model.steering.length, 0);
    expect(steeringFiles).toBe(247);
    expect(diagnostics.filter((diagnostic) => /front-matter|invalid-field|invalid-glob/.test(diagnostic.rule))).toEqual(
      [],
    );
  });
});
