import type { Severity } from "../model/source/diagnostic.js";
import type { SourceLocation } from "../model/source/source-location.js";
import type { WorkspaceModel } from "./workspace-model.js";

/** One problem a rule found, before settings and disable comments are applied. */
export interface Finding {
  /** File relative to the workspace root. */
  readonly file: string;
  readonly location: SourceLocation;
  readonly message: string;
  readonly fix?: string;
  /** Overrides the rule's default severity for this finding (e.g. a notice that is info by nature). */
  readonly severity?: Severity;
}

export type RuleFamily =
  | "ears"
  | "bugfix"
  | "structure"
  | "traceability"
  | "steering"
  | "hooks"
  | "settings"
  | "parse"
  | "drift";

export interface Rule {
  /** Stable id, `family/name`: settings and disable comments refer to it. */
  readonly id: string;
  readonly family: RuleFamily;
  readonly severity: Severity;
  /** One line for docs/rules.md, `--help` and SARIF. */
  readonly summary: string;
  /** What to do about it, in general; findings may carry a more precise fix. */
  readonly fix: string;
  readonly check: (workspace: WorkspaceModel) => Iterable<Finding>;
}

/** Defines a rule; a function so a rule file reads as one declaration. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
