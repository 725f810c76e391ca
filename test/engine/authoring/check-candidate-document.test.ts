import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCandidateDocument } from "../../../src/engine/authoring/check-candidate-document.js";
import { writeSpecDocument } from "../../../src/engine/authoring/write-spec-document.js";
import { RATE_LIMITING, writeSpecFiles } from "../../helpers/authoring-fixtures.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

describe("checkCandidateDocument", () => {
  const directory = useTempDirectory();

  it("finds nothing in a well-formed requirements document of a new spec", async () => {
    const check = await checkCandidateDocument({
      root: directory(),
      spec: "rate-limiting",
      document: "requirements",
      content: RATE_LIMITING.requirements,
    });
    expect(check).toMatchObject({ errors: 0, warnings: 0, file: ".kiro/specs/rate-limiting/requirements.md" });
  });

  it("checks the candidate against the spec's other documents on disk", async () => {
    await writeSpecFiles(directory(), "rate-limiting", { "requirements.md": RATE_LIMITING.requirements });
    // The design validates Requirements 5.x, which exist only after the refinement.
    const check = await checkCandidateDocument({
      root: directory(),
      spec: "rate-limiting",
      document: "design",
      content: RATE_LIMITING.design,
    });
    expect(check.errors).toBeGreaterThan(0);
    expect(check.findings.map((finding) => finding.rule)).toContain("traceability/unknown-reference");
  });

  it("keeps only the spec's findings and applies the workspace's rule settings", async () => {
    await writeSpecFiles(directory(), "other", { "requirements.md": "# Requirements Document\n\nnothing\n" });
    const vague = RATE_LIMITING.requirements.replace("SHALL keep every count", "SHALL quickly keep every count");
    const before = await checkCandidateDocument({
      root: directory(),
      spec: "rate-limiting",
      document: "requirements",
      content: vague,
    });
    expect(before.findings.map((finding) => finding.rule)).toEqual(["ears/vague-term"]);
    await mkdir(join(directory(), ".kiro", "settings"));
    await writeFile(
      join(directory(), ".kiro", "settings", "specwright.json"),
      JSON.stringify({ rules: { "ears/vague-term": "off" } }),
    );
    const after = await checkCandidateDocument({
      root: directory(),
      spec: "rate-limiting",
      document: "requirements",
      content: vague,
    });
    expect(after.findings).toEqual([]);
  });
});

describe("writeSpecDocument", () => {
  const directory = useTempDirectory();

  it("writes a clean document and a .config.kiro for a new spec", async () => {
    const written = await writeSpecDocument({
      root: directory(),
      spec: "rate-limiting",
      document: "requirements",
      content: RATE_LIMITING.requirements,
    });
    expect(written).toMatchObject({ replaced: false, createdConfig: true });
    expect(await readFile(written.path, "utf8")).toBe(RATE_LIMITING.requirements);
    const config = JSON.parse(await readFile(join(directory(), ".kiro/specs/rate-limiting/.config.kiro"), "utf8"));
    expect(config).toMatchObject({ workflowType: "requirements-first", specType: "feature" });
  });

  it("refuses content with errors and writes nothing", async () => {
    const folder = await writeSpecFiles(directory(), "rate-limiting", {
      "requirements.md": RATE_LIMITING.requirements,
    });
    await expect(
      writeSpecDocument({
        root: directory(),
        spec: "rate-limiting",
        document: "design",
        content: RATE_LIMITING.design,
      }),
    ).rejects.toMatchObject({ code: "document-has-errors" });
    expect((await readdir(folder)).sort()).toEqual(["requirements.md"]);
  });

  it("refuses to replace an existing document unless forced", async () => {
    const folder = await writeSpecFiles(directory(), "rate-limiting", {
      "requirements.md": "# Requirements Document\n",
    });
    const options = {
      root: directory(),
      spec: "rate-limiting",
      document: "requirements" as const,
      content: RATE_LIMITING.refinedRequirements,
    };
    await expect(writeSpecDocument(options)).rejects.toMatchObject({ code: "document-exists" });
    expect(await readFile(join(folder, "requirements.md"), "utf8")).toBe("# Requirements Document\n");
    const written = await writeSpecDocument({ ...options, force: true });
    expect(written.replaced).toBe(true);
    expect(await readFile(join(folder, "requirements.md"), "utf8")).toBe(RATE_LIMITING.refinedRequirements);
  });

  it("refuses a spec name that is a path", async () => {
    await expect(
      writeSpecDocument({ root: directory(), spec: "../escape", document: "requirements", content: "x" }),
    ).rejects.toMatchObject({ code: "invalid-spec-name" });
  });
});
