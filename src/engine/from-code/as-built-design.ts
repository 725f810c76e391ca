import { parseRequirements } from "../../model/requirements/parse-requirements.js";
import type { CodeFacts } from "./code-facts.js";
import { importGraphMermaid } from "./import-graph.js";

const TYPE_KINDS = new Set(["class", "interface", "type", "enum", "struct", "trait"]);

/**
 * design.md of an as-built spec, written from the code facts alone: the real import graph, each module's
 * interface and routes, the error cases left open, the tests there are; one correctness property per
 * requirement, so the design validates what the requirements say the code does.
 */
export function renderAsBuiltDesign(facts: CodeFacts, requirementsText: string): string {
  const requirements = parseRequirements(requirementsText).requirements;
  const where = facts.paths.map((path) => `\`${path || "."}\``).join(", ");
  const lines = [
    "# Design Document",
    "",
    "## Overview",
    "",
    `As-built design of the code under ${where}: ${facts.modules.length} modules and ${facts.routes.length} routes, read by \`specwright new --from-code\`. It describes the architecture as it is now; the tasks close the gaps found (tests, TODO comments, unhandled errors).`,
    "",
    "## Architecture",
    "",
    "Modules and their imports, as the code has them (an arrow is an import):",
    "",
    importGraphMermaid(facts.modules),
    "",
    "## Components and Interfaces",
    "",
  ];
  for (const module of facts.modules) {
    lines.push(`### ${module.path}`, "");
    const exported = module.exports.map((name) => `\`${name.name}\` (${name.kind})`);
    lines.push(`- Exports: ${exported.length > 0 ? exported.join(", ") : "nothing"}`);
    if (module.imports.length > 0) lines.push(`- Imports: ${module.imports.map((path) => `\`${path}\``).join(", ")}`);
    for (const route of facts.routes.filter((candidate) => candidate.file === module.path)) {
      lines.push(
        `- Route \`${route.method} ${route.path}\` → \`${route.handler ?? "inline handler"}\` (line ${route.line})`,
      );
    }
    lines.push("");
  }
  const types = facts.modules.flatMap((module) =>
    module.exports
      .filter((name) => TYPE_KINDS.has(name.kind))
      .map((name) => `- \`${name.name}\` (${name.kind}) in \`${module.path}\``),
  );
  lines.push("## Data Models", "");
  lines.push(
    ...(types.length > 0 ? types : ["The code exports no classes or types; data travels as plain objects."]),
    "",
  );
  lines.push("## Correctness Properties", "");
  requirements.forEach((requirement, index) => {
    const ids = requirement.criteria.map((criterion) => criterion.id);
    if (ids.length === 0) return;
    lines.push(
      `### Property ${index + 1}: ${requirement.title ?? `Requirement ${requirement.id}`} as built`,
      "",
      `*For any* input that Requirement ${requirement.id} covers, the code behaves as its criteria describe today.`,
      "",
      `**Validates: Requirements ${ids.join(", ")}**`,
      "",
    );
  });
  lines.push("## Error Handling", "");
  const open = facts.modules.filter((module) => module.unhandledErrors !== undefined);
  if (open.length === 0) lines.push("Every module that awaits or parses JSON handles its failures.");
  for (const module of open)
    lines.push(`- \`${module.path}\`: ${module.unhandledErrors}; a failure there reaches no handler.`);
  lines.push("", "## Testing Strategy", "");
  const covering = facts.tests.filter((test) => test.covers.length > 0);
  if (covering.length === 0) {
    lines.push(
      "The code has no tests. The first tasks write tests that pin its current behaviour, criterion by criterion, before anything changes.",
    );
  } else {
    for (const test of covering)
      lines.push(`- \`${test.path}\` covers ${test.covers.map((path) => `\`${path}\``).join(", ")}`);
    lines.push("", "Modules no test covers get tests that pin their current behaviour first.");
  }
  return `${lines.join("\n")}\n`;
}
