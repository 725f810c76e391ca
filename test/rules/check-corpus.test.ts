import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkspaceModel } from "../../src/engine/workspace-model/load-workspace-model.js";
import { ALL_RULES } from "../../src/rules/all-rules.js";
import { runRules } from "../../src/rules/run-rules.js";
import { CORPUS_ROOT } from "../helpers/corpus.js";

const repositories = readdirSync(CORPUS_ROOT).filter((name) => name.includes("__"));

describe("every rule over the whole corpus", () => {
  it("runs on every repository and places every finding inside its file", async () => {
    expect(repositories.length).toBeGreaterThanOrEqual(63);
    const ids = new Set(ALL_RULES.map((rule) => rule.id));
    const counts = new Map<string, number>();
    for (const repository of repositories) {
      const root = join(CORPUS_ROOT, repository);
      const diagnostics = runRules(await loadWorkspaceModel(root), ALL_RULES);
      for (const diagnostic of diagnostics) {
        expect(ids.has(diagnostic.rule), diagnostic.rule).toBe(true);
        counts.set(diagnostic.rule, (counts.get(diagnostic.rule) ?? 0) + 1);
        const text = readFileSync(join(root, diagnostic.file), "utf8");
        const { offset, endOffset, line, column } = diagnostic.location;
        expect(endOffset).toBeLessThanOrEqual(text.length);
        // Offsets and line/column agree: the text before the offset has line-1 line breaks.
        const before = text.slice(0, offset);
        expect(before.split(/\r\n|\r|\n/).length, `${repository}/${diagnostic.file}`).toBe(line);
        expect(offset - Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")), diagnostic.file).toBe(column);
      }
    }
    // The traceability rules find real gaps in real specs; none of them may vanish unnoticed.
    for (const rule of [
      "traceability/uncovered-criterion",
      "traceability/unknown-reference",
      "structure/duplicate-id",
    ]) {
      expect(counts.get(rule) ?? 0, rule).toBeGreaterThan(10);
    }
  });
});
