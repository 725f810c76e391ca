import { describe, expect, it } from "vitest";
import { parseSpecwrightSettings } from "../../src/model/settings/specwright-settings.js";
import { parseSteering } from "../../src/model/steering/index.js";
import { findPlaceholders } from "../../src/model/templates/placeholder.js";
import type { RepositoryFacts } from "../../src/model/templates/repository-facts.js";
import { specwrightSettingsTemplate } from "../../src/model/templates/settings-template.js";
import { steeringTemplates } from "../../src/model/templates/steering-templates.js";

const FACTS: RepositoryFacts = {
  name: "acme-api",
  description: "The Acme order API,\n  with webhooks.",
  manifests: ["package.json"],
  languages: [
    { name: "TypeScript", files: 120 },
    { name: "Shell", files: 1 },
  ],
  packageManagers: [{ name: "pnpm", evidence: "pnpm-lock.yaml" }],
  commands: [
    { command: "pnpm run build", runs: "tsc -b" },
    { command: "pnpm run odd", runs: "echo `date`" },
  ],
  topLevelFolders: ["src", "test", "infra"],
};

const EMPTY: RepositoryFacts = {
  name: "empty",
  manifests: [],
  languages: [],
  packageManagers: [],
  commands: [],
  topLevelFolders: [],
};

function templates(facts: RepositoryFacts): Map<string, string> {
  return new Map(steeringTemplates(facts).map((file) => [file.name, file.content]));
}

describe("steering templates", () => {
  it("are Kiro's three default files, always included, with no diagnostics", () => {
    for (const facts of [FACTS, EMPTY]) {
      const files = templates(facts);
      expect([...files.keys()]).toEqual(["product.md", "tech.md", "structure.md"]);
      for (const text of files.values()) {
        expect(text.startsWith("---\ninclusion: always\n---\n\n# ")).toBe(true);
        const document = parseSteering(text);
        expect(document.diagnostics).toEqual([]);
        expect(document.inclusionMode).toBe("always");
      }
    }
  });

  it("fill in what the repository shows", () => {
    const files = templates(FACTS);
    expect(files.get("product.md")).toContain("acme-api: The Acme order API, with webhooks.");
    const tech = files.get("tech.md") ?? "";
    expect(tech).toContain("- TypeScript (120 files)\n- Shell (1 file)\n");
    expect(tech).toContain("- pnpm (`pnpm-lock.yaml`)");
    expect(tech).toContain("- `pnpm run build`: `tsc -b`");
    expect(tech).toContain("- `pnpm run odd`: `` echo `date` ``");
    const structure = files.get("structure.md") ?? "";
    expect(structure).toContain("- `src/`: source code");
    expect(structure).toContain("- `test/`: tests");
    expect(structure).toContain("- `infra/`: <fill: what the infra folder holds>");
  });

  it("leave a placeholder wherever nothing was found", () => {
    const files = templates(EMPTY);
    expect(findPlaceholders(files.get("product.md") ?? "")[0]?.hint).toContain("what empty is");
    for (const [name, text] of files) expect(findPlaceholders(text).length, name).toBeGreaterThanOrEqual(2);
    expect(files.get("tech.md")).toContain("- <fill: the languages the project is written in>");
  });

  it("settings are the defaults and valid against the schema", () => {
    const text = specwrightSettingsTemplate();
    expect(JSON.parse(text)).toEqual({ rules: {} });
    expect(parseSpecwrightSettings(text).diagnostics).toEqual([]);
  });
});
