import { describe, expect, it } from "vitest";
import { createOffsetLocator, splitSourceText } from "../../../src/model/source/source-text.js";
import { buildWorkspaceModel } from "../../../src/rules/build-workspace-model.js";
import { earsRules } from "../../../src/rules/ears/index.js";
import type { Finding } from "../../../src/rules/rule.js";
import { structureRules } from "../../../src/rules/structure/index.js";
import { corpusFiles } from "../../helpers/corpus.js";

const RULES = [...earsRules, ...structureRules];

/**
 * Real Kiro files (and a few from cc-sdd) that are correct as written: none of these rules may report
 * anything in them. Chosen to cover both Kiro generations, a Glossary, bugfix specs, mixed-language
 * criteria, and uses of words the vague-term rule must not flag ("faster than 100 words per minute",
 * "has sufficient spell slots", "the appropriate spell slot").
 */
const KNOWN_CLEAN = [
  "3fn__DesignerPunk/.kiro/specs/054c-figma-token-push-fixes/bugfix.md",
  "3fn__DesignerPunk/.kiro/specs/054d-hierarchical-design-extraction/tasks.md",
  "murilobc__d2r-desktop/.kiro/specs/clipboard-monitor-crash-fix/bugfix.md",
  "murilobc__d2r-desktop/.kiro/specs/drop-probability-bugfix/bugfix.md",
  "4792373__ai_code/.kiro/specs/brand-management/requirements.md",
  "build-on-aws__swift-bedrock-library/.kiro/specs/minimax-model-support/requirements.md",
  "JonWhiteFang__questweaver/.kiro/specs/11-combat-actions/requirements.md",
  "874wokiite__pork-ban-map-app/.kiro/specs/butaman-map-kobe/requirements.md",
  "2000thboy__pervis-pro-workflow-kiro/.kiro/specs/pervis-export-system/requirements.md",
  "Adarsh-Dhar__clippy-kiroween/.kiro/specs/advanced-clippy-behavior/requirements.md",
  "0xkamalei__mac-time-trace/.kiro/specs/remaining-features/tasks.md",
];

interface CorpusFinding extends Finding {
  readonly rule: string;
  /** `<owner>__<repo>/<path in the repository>`. */
  readonly name: string;
}

/** Every corpus repository as one workspace (paths under `<owner>__<repo>/` are `.kiro/…`), checked. */
function checkCorpus(): { findings: CorpusFinding[]; texts: Map<string, string> } {
  const byRepository = new Map<string, { path: string; text: string }[]>();
  const texts = new Map<string, string>();
  for (const file of corpusFiles(/^[^/]+\/\.kiro\//)) {
    const [repository = "", ...rest] = file.name.split("/");
    const files = byRepository.get(repository) ?? [];
    files.push({ path: rest.join("/"), text: file.text });
    byRepository.set(repository, files);
    texts.set(file.name, file.text);
  }
  const findings: CorpusFinding[] = [];
  for (const [repository, files] of byRepository) {
    const workspace = buildWorkspaceModel({ files });
    for (const rule of RULES) {
      for (const finding of rule.check(workspace)) {
        findings.push({ ...finding, rule: rule.id, name: `${repository}/${finding.file}` });
      }
    }
  }
  return { findings, texts };
}

describe("EARS and structure rules on the real corpus", () => {
  const { findings, texts } = checkCorpus();

  it("reports how many findings each rule has (read them when tuning a rule)", () => {
    const counts = Object.fromEntries(RULES.map((rule) => [rule.id, 0]));
    for (const finding of findings) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
    console.log(
      Object.entries(counts)
        .map(([rule, count]) => `${rule}: ${count}`)
        .join("\n"),
    );
    expect(findings.length).toBeGreaterThan(0);
  });

  it("places every finding inside its file, with line and column agreeing with the offsets", () => {
    for (const finding of findings) {
      const text = texts.get(finding.name);
      expect(text, `${finding.rule} names a file that does not exist: ${finding.name}`).toBeDefined();
      if (text === undefined) continue;
      const { location } = finding;
      expect(location.offset).toBeGreaterThanOrEqual(0);
      expect(location.endOffset).toBeGreaterThanOrEqual(location.offset);
      expect(location.endOffset).toBeLessThanOrEqual(text.length);
      const locate = createOffsetLocator(splitSourceText(text));
      expect(location, `${finding.rule} at ${finding.name}`).toEqual(locate(location.offset, location.endOffset));
      expect(finding.message.length).toBeGreaterThan(0);
    }
  });

  it("reports a word-level finding exactly on the word it quotes", () => {
    for (const finding of findings.filter((candidate) => candidate.rule === "ears/vague-term")) {
      const quoted = /"([^"]+)" is vague/.exec(finding.message)?.[1];
      const text = texts.get(finding.name) ?? "";
      expect(text.slice(finding.location.offset, finding.location.endOffset)).toBe(quoted);
    }
  });

  it("reports nothing in files known to be correct", () => {
    for (const name of KNOWN_CLEAN) expect(texts.has(name), name).toBe(true);
    const reported = findings.filter((finding) => KNOWN_CLEAN.includes(finding.name));
    expect(
      reported.map((finding) => `${finding.rule} ${finding.name}:${finding.location.line} ${finding.message}`),
    ).toEqual([]);
  });
});
