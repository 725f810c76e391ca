import { existsSync } from "node:fs";
import { join } from "node:path";
import { splitSourceText } from "../../../src/model/source/source-text.js";
import { findFileReferences } from "../../../src/model/steering/index.js";
import { buildWorkspaceModel } from "../../../src/rules/build-workspace-model.js";
import type { CheckDiagnostic } from "../../../src/rules/check-result.js";
import type { Rule } from "../../../src/rules/rule.js";
import { runRules } from "../../../src/rules/run-rules.js";
import type { WorkspaceModel } from "../../../src/rules/workspace-model.js";
import { CORPUS_ROOT, corpusFiles } from "../../helpers/corpus.js";

export interface CorpusWorkspace {
  readonly repo: string;
  readonly model: WorkspaceModel;
  /** `#[[file:…]]` targets inside `.kiro/` that the corpus does not hold (it keeps a subset of some repos). */
  readonly absentReferences: readonly string[];
}

let cached: CorpusWorkspace[] | undefined;

/**
 * One workspace model per corpus repository (`<owner>__<repo>/.kiro/…` → `.kiro/…`). The corpus holds only
 * `.kiro/` folders, and of some repositories only part of them (3fn__DesignerPunk: 8 of its 65 steering
 * files), so no `#[[file:…]]` can be judged missing from it: every reference counts as existing, and those
 * inside `.kiro/` that the corpus lacks are listed in `absentReferences` for the test log.
 */
export function corpusWorkspaces(): CorpusWorkspace[] {
  if (cached) return cached;
  const byRepo = new Map<string, { path: string; text: string }[]>();
  for (const file of corpusFiles(/^[^/]+\/\.kiro\//)) {
    const [repo = "", ...rest] = file.name.split("/");
    const files = byRepo.get(repo) ?? [];
    files.push({ path: rest.join("/"), text: file.text });
    byRepo.set(repo, files);
  }
  cached = [...byRepo].map(([repo, files]) => {
    const repoDir = join(CORPUS_ROOT, repo);
    const existing = new Set<string>();
    const absentReferences: string[] = [];
    for (const file of files) {
      if (!file.path.startsWith(".kiro/steering/")) continue;
      for (const reference of findFileReferences(splitSourceText(file.text))) {
        existing.add(reference.path);
        const checkable = reference.path.startsWith(".kiro/");
        if (checkable && !existsSync(join(repoDir, reference.path))) absentReferences.push(reference.path);
      }
    }
    return { repo, model: buildWorkspaceModel({ files, existingReferences: existing }), absentReferences };
  });
  return cached;
}

/** Every diagnostic the rules report over the corpus, with the repository in front of the file. */
export function corpusDiagnostics(rules: readonly Rule[]): CheckDiagnostic[] {
  return corpusWorkspaces().flatMap(({ repo, model }) =>
    runRules(model, rules).map((diagnostic) => ({ ...diagnostic, file: `${repo}/${diagnostic.file}` })),
  );
}

/** Diagnostics counted by rule id and severity, for the test log. */
export function countByRule(diagnostics: readonly CheckDiagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const diagnostic of diagnostics) {
    const key = `${diagnostic.rule} (${diagnostic.severity})`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
