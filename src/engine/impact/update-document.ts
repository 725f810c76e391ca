import { join } from "node:path";
import { parseRequirements } from "../../model/requirements/parse-requirements.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import type { AuthoringOptions } from "../authoring/authoring-options.js";
import type { RefinementOutcome } from "../authoring/refine-document.js";
import { refineDocument } from "../authoring/refine-document.js";
import { EngineError } from "../errors/engine-error.js";
import { describeImpactForModel } from "./describe-impact.js";
import { specImpact } from "./spec-impact.js";
import { criteriaToCover, designUpdateFindings, orphanedTasks, planUpdateFindings } from "./update-checks.js";

export interface UpdateDocumentOptions extends AuthoringOptions {
  readonly spec: string;
  readonly document: "design" | "tasks";
  /** Let the revision delete tasks whose every criterion was removed (default: keep and flag them). */
  readonly prune?: boolean;
}

export type UpdateOutcome = RefinementOutcome & {
  /** Tasks whose every criterion was removed: kept (and flagged) unless pruned. */
  readonly orphanedTasks: readonly string[];
  /** Criteria the revision had to cover. */
  readonly covered: readonly string[];
};

/**
 * `design --update` / `plan --update`: the model revises the document from the impact of the requirements'
 * changes since their approval, and the deterministic checks of {@link planUpdateFindings} (or
 * {@link designUpdateFindings}) hold the revision to what must not change. Apply it with `applyRefinement`,
 * which refuses a file edited meanwhile and resets the document's approval.
 */
export async function updateDocument(options: UpdateDocumentOptions): Promise<UpdateOutcome> {
  const impact = await specImpact(options);
  const requirements = impact.documents.find((document) => document.phase === "requirements");
  if (requirements?.baseline !== "kept" || !requirements.changed || impact.analysis.criteria.length === 0) {
    throw new EngineError({
      code: "nothing-to-update",
      message:
        requirements?.baseline === "kept"
          ? `No acceptance criterion of "${impact.spec}" changed since requirements.md was approved: there is nothing to carry into ${options.document}.md.`
          : `requirements.md of "${impact.spec}" has no approved text to compare with (approved before Specwright kept texts, or never approved).`,
      fix:
        requirements?.baseline === "kept"
          ? `Edit requirements.md first; \`specwright impact ${impact.spec}\` shows what changed. For other edits use \`specwright refine ${impact.spec} ${options.document} "…"\`.`
          : `Approve requirements.md (\`specwright approve ${impact.spec} requirements\`) before editing it, then run --update after the edit.`,
    });
  }
  const current = readTextFileSync(join(impact.root, ".kiro", "specs", impact.spec, `${options.document}.md`));
  const currentRequirements = parseRequirements(
    readTextFileSync(join(impact.root, ".kiro", "specs", impact.spec, "requirements.md")),
  );
  const extraFindings =
    options.document === "tasks"
      ? planUpdateFindings(current, impact.analysis, currentRequirements, options.prune === true)
      : designUpdateFindings(impact.analysis);
  const outcome = await refineDocument({
    ...options,
    spec: impact.spec,
    document: options.document,
    instruction: describeImpactForModel(impact, options.document, options.prune === true),
    extraFindings,
  });
  return { ...outcome, orphanedTasks: orphanedTasks(impact.analysis), covered: criteriaToCover(impact.analysis) };
}
