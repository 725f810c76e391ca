import { z } from "zod";
import type { RequirementsDocument } from "../../model/requirements/requirements-types.js";

export const FINDING_SEVERITIES = ["high", "medium", "low"] as const;
export const FINDING_CATEGORIES = [
  "contradiction",
  "ambiguity",
  "conflicting-nfr",
  "unstated-assumption",
  "missing-edge-case",
] as const;

const FindingSchema = z.object({
  criterion: z.string().describe('The criterion id, e.g. "2.3" (requirement 2, criterion 3); "" for the whole spec.'),
  severity: z.enum(FINDING_SEVERITIES),
  category: z.enum(FINDING_CATEGORIES),
  message: z.string().min(1).describe("What is wrong or missing, in one or two sentences."),
  suggestedEdit: z.string().describe("The criterion as it should read (EARS), or the criterion to add."),
});

/** What the model returns for Analyze Requirements (JSON). */
export const RequirementFindingsSchema = z.object({
  findings: z.array(FindingSchema).describe("Most severe first; an empty list when the requirements hold up."),
});

/** One model finding, placed on the criterion it is about when that criterion exists. */
export interface RequirementFinding extends z.output<typeof FindingSchema> {
  /** Where the criterion is (its line), or the requirements file's first line when it names none or an unknown one. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** False when the model named a criterion the document does not have. */
  readonly located: boolean;
}

export const ANALYZE_REQUIREMENTS_SYSTEM = [
  "You review a software specification's requirements the way a senior engineer reviews them before design starts.",
  "Report only real problems, each tied to one criterion id when it is about one:",
  "- contradiction: two criteria that cannot both hold;",
  "- ambiguity: words a tester could not check (fast, secure, appropriate, etc.);",
  "- conflicting-nfr: non-functional requirements that pull against each other;",
  "- unstated-assumption: something the criteria rely on but never say;",
  "- missing-edge-case: what if the third party is down, duplicate requests, time-outs, retries, data that must never be logged.",
  "For each, give a severity (high, medium, low) and a suggested edit: the criterion rewritten in EARS, or a new one.",
  'Answer with JSON: {"findings": [{"criterion", "severity", "category", "message", "suggestedEdit"}]}.',
].join("\n");

/** Places the model's findings on the criteria they name; the model's text is kept as it came. */
export function locateFindings(
  raw: z.output<typeof RequirementFindingsSchema>,
  requirements: { readonly path: string; readonly document: RequirementsDocument } | undefined,
  fallbackFile = "",
): RequirementFinding[] {
  const criteria = new Map(
    (requirements?.document.requirements ?? []).flatMap((requirement) =>
      requirement.criteria.map((criterion) => [criterion.id, criterion.location] as const),
    ),
  );
  const order = (severity: string) => FINDING_SEVERITIES.indexOf(severity as (typeof FINDING_SEVERITIES)[number]);
  return raw.findings
    .map((finding) => {
      const location = criteria.get(finding.criterion.trim().replace(/^R/i, ""));
      return {
        ...finding,
        criterion: finding.criterion.trim(),
        file: requirements?.path ?? fallbackFile,
        line: location?.line ?? 1,
        column: location?.column ?? 1,
        located: location !== undefined,
      };
    })
    .sort((a, b) => order(a.severity) - order(b.severity));
}
