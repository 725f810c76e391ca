import { jsonPathLocation } from "../model/json/json-path-location.js";
import type { SourceText } from "../model/source/source-text.js";
import { closestMatches } from "../model/text/closest-matches.js";
import { type CheckDiagnostic, sortDiagnostics } from "./check-result.js";
import { findDisabledLines, isDisabled } from "./disable-comments.js";
import type { Rule } from "./rule.js";
import type { WorkspaceModel } from "./workspace-model.js";

/** Every markdown file of the workspace by path, for disable comments. */
function markdownSources(workspace: WorkspaceModel): Map<string, SourceText> {
  const sources = new Map<string, SourceText>();
  for (const spec of workspace.specs) {
    for (const file of [spec.requirements, spec.bugfix, spec.design, spec.tasks]) {
      if (file) sources.set(file.path, file.document.source);
    }
  }
  for (const file of workspace.steering) sources.set(file.path, file.document.source);
  return sources;
}

/**
 * Runs the rules over a workspace, then applies `.kiro/settings/specwright.json` (severity overrides and
 * "off") and disable comments. Sorted by file, line and column so output is stable.
 */
export function runRules(
  workspace: WorkspaceModel,
  rules: readonly Rule[],
  options: { readonly settings?: WorkspaceModel["specwrightSettings"] } = {},
): CheckDiagnostic[] {
  // A caller checking a large workspace part by part passes the settings file to every part, while only
  // the part that contains it reports problems in it.
  const settings = (options.settings ?? workspace.specwrightSettings)?.document.data?.rules ?? {};
  const sources = markdownSources(workspace);
  const disabledByFile = new Map<string, Map<number, ReadonlySet<string>>>();
  const disabledLines = (file: string) => {
    let disabled = disabledByFile.get(file);
    if (!disabled) {
      const source = sources.get(file);
      disabled = source ? findDisabledLines(source) : new Map();
      disabledByFile.set(file, disabled);
    }
    return disabled;
  };
  const diagnostics: CheckDiagnostic[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    if (setting === "off") continue;
    for (const finding of rule.check(workspace)) {
      if (isDisabled(disabledLines(finding.file), finding.location.line, rule.id)) continue;
      diagnostics.push({
        rule: rule.id,
        severity: setting ?? finding.severity ?? rule.severity,
        file: finding.file,
        location: finding.location,
        message: finding.message,
        fix: finding.fix ?? rule.fix,
      });
    }
  }
  diagnostics.push(...unknownRuleSettings(workspace, rules));
  return sortDiagnostics(diagnostics);
}

/** A rule id in the settings that no rule has: most likely a typo, which would silently change nothing. */
function unknownRuleSettings(workspace: WorkspaceModel, rules: readonly Rule[]): CheckDiagnostic[] {
  const file = workspace.specwrightSettings;
  const configured = file?.document.data?.rules;
  if (!file || !configured) return [];
  const known = rules.map((rule) => rule.id);
  return Object.keys(configured)
    .filter((id) => !known.includes(id))
    .map((id) => {
      const candidates = closestMatches(id, known);
      const location = jsonPathLocation(file.document, ["rules", id], "key");
      return {
        rule: "settings/specwright-schema",
        severity: "error" as const,
        file: file.path,
        location,
        message: `Unknown rule "${id}" in the settings.${candidates.length > 0 ? ` Did you mean ${candidates.join(", ")}?` : ""}`,
        fix: "Use a rule id listed in docs/rules.md (or `specwright check --list-rules`).",
      };
    });
}
