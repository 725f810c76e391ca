import type { SourceText } from "../../model/source/source-text.js";
import { findPlaceholders } from "../../model/templates/placeholder.js";
import { defineRule, type Finding } from "../rule.js";

export const unfilledPlaceholder = defineRule({
  id: "structure/unfilled-placeholder",
  family: "structure",
  severity: "warning",
  summary:
    "A `<fill: …>` placeholder from `specwright new` or `specwright init` is still in a spec document or steering file.",
  fix: "Replace the placeholder with the text it describes (quote the syntax in backticks to keep it literally).",
  *check(workspace) {
    for (const spec of workspace.specs) {
      for (const file of [spec.requirements, spec.bugfix, spec.design, spec.tasks]) {
        if (file) yield* placeholdersIn(file.path, file.document.source);
      }
    }
    for (const file of workspace.steering) yield* placeholdersIn(file.path, file.document.source);
  },
});

function* placeholdersIn(path: string, source: SourceText): Iterable<Finding> {
  for (const match of findPlaceholders(source)) {
    yield {
      file: path,
      location: match.location,
      message: `Unfilled placeholder ${match.text}.`,
      fix:
        match.hint === ""
          ? "Replace the placeholder with the text it stands for."
          : `Replace the placeholder with ${match.hint}.`,
    };
  }
}
