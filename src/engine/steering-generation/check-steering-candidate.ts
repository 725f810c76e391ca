import { join } from "node:path";
import { parseSteering } from "../../model/steering/parse-steering.js";
import { ALL_RULES } from "../../rules/all-rules.js";
import { buildWorkspaceModel } from "../../rules/build-workspace-model.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { runRules } from "../../rules/run-rules.js";
import { pathExists } from "../../workspace/path-exists.js";

/**
 * The findings `specwright check` would report for a steering file with `content` at `file` (relative to
 * `root`), before it is written: the same rules, the file's `#[[file:…]]` references resolved on disk.
 */
export async function checkSteeringCandidate(root: string, file: string, content: string): Promise<CheckDiagnostic[]> {
  const existingReferences = new Set<string>();
  for (const reference of parseSteering(content).fileReferences) {
    if (reference.path !== "" && (await pathExists(join(root, reference.path)))) existingReferences.add(reference.path);
  }
  const model = buildWorkspaceModel({ files: [{ path: file, text: content }], existingReferences });
  return runRules(model, ALL_RULES, {}).filter((finding) => finding.file === file);
}
