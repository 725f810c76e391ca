import { join } from "node:path";
import { ALL_RULES } from "../../rules/all-rules.js";
import { buildWorkspaceModel } from "../../rules/build-workspace-model.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { runRules } from "../../rules/run-rules.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readWorkspaceFiles } from "../workspace-model/read-workspace-files.js";

/**
 * The findings of a whole new spec before any of it is on disk: its documents as candidates, the
 * workspace's settings applied, the same rules as `specwright check`.
 */
export async function checkAsBuiltSpec(
  root: string,
  spec: string,
  documents: Readonly<Record<string, string>>,
): Promise<CheckDiagnostic[]> {
  const specPath = `.kiro/specs/${spec}`;
  const settingsPath = join(kiroPaths(root).settingsDirectory, "specwright.json");
  const settings = (await pathExists(settingsPath))
    ? buildWorkspaceModel({ files: readWorkspaceFiles(root, [settingsPath]).files }).specwrightSettings
    : undefined;
  const model = buildWorkspaceModel({
    files: [
      { path: `${specPath}/` },
      ...Object.entries(documents).map(([name, text]) => ({ path: `${specPath}/${name}`, text })),
    ],
  });
  return runRules(model, ALL_RULES, settings ? { settings } : {}).filter(
    (finding) => finding.file === specPath || finding.file.startsWith(`${specPath}/`),
  );
}
