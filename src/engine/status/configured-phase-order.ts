import { join } from "node:path";
import { plainSpecConfigFields } from "../../model/settings/plain-spec-config.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";
import { phaseOrder, type SpecPhase } from "../approvals/spec-phase.js";
import { summarizeSpec } from "./spec-summary.js";

/**
 * The phase order a spec's `.config.kiro` sets, as `approvalTargetOf` tells it, for a spec with nothing
 * approved: a plain config is read without the schema and the approvals engine. Undefined when only the full
 * parser can tell (then the caller asks the approvals engine). An unreadable config means the defaults there too.
 */
export function configuredPhaseOrder(
  folder: SpecFolder,
  realFolders: Map<string, string>,
): readonly SpecPhase[] | undefined {
  let text: string;
  try {
    text = readTextFileSync(join(folder.path, ".config.kiro"), { realFolders });
  } catch (error) {
    if (!isWorkspaceError(error)) throw error;
    return phaseOrder(summarizeSpec(folder).type, undefined);
  }
  const fields = plainSpecConfigFields(text);
  return fields === undefined
    ? undefined
    : phaseOrder(summarizeSpec(folder, fields.specType).type, fields.workflowType);
}
