import { closestMatches } from "../../model/text/closest-matches.js";
import { findDisableComments } from "../disable-comments.js";
import { defineRule, type Rule } from "../rule.js";

/**
 * A disable comment naming a rule that does not exist silences nothing, silently. The known ids are passed
 * as a function because this rule is itself one of them.
 */
export function unknownDisableRule(knownIds: () => readonly string[]): Rule {
  return defineRule({
    id: "settings/unknown-disable-rule",
    family: "settings",
    severity: "warning",
    summary: "A `specwright-disable-next-line` comment names a rule id that does not exist, so it silences nothing.",
    fix: "Use a rule id from docs/rules.md (`specwright check --list-rules`).",
    *check(workspace) {
      const ids = knownIds();
      const files = [
        ...workspace.specs.flatMap((spec) => [spec.requirements, spec.bugfix, spec.design, spec.tasks]),
        ...workspace.steering,
      ];
      for (const file of files) {
        if (!file) continue;
        for (const comment of findDisableComments(file.document.source)) {
          for (const { id, location } of comment.ids) {
            if (ids.includes(id)) continue;
            const candidates = closestMatches(id, ids);
            yield {
              file: file.path,
              location,
              message: `"${id}" is not a rule id; this comment silences nothing.`,
              ...(candidates.length > 0 ? { fix: `Did you mean ${candidates.join(", ")}?` } : {}),
            };
          }
        }
      }
    },
  });
}
