import type { CodeFacts } from "./code-facts.js";

/** The code facts as the model reads them: one block per module, then routes, tests and comments. */
export function renderCodeFacts(facts: CodeFacts): string {
  const lines = [`Paths read: ${facts.paths.map((path) => path || ".").join(", ")}`, "", "### Modules", ""];
  for (const module of facts.modules) {
    lines.push(`#### ${module.path} (${module.lines} lines)`);
    if (module.exports.length > 0) {
      lines.push(`- exports: ${module.exports.map((exported) => `${exported.name} (${exported.kind})`).join(", ")}`);
    }
    const local = module.declarations.filter((name) => !module.exports.some((exported) => exported.name === name));
    if (local.length > 0) lines.push(`- also declares: ${local.join(", ")}`);
    if (module.imports.length > 0) lines.push(`- imports: ${module.imports.join(", ")}`);
    if (module.unhandledErrors !== undefined) lines.push(`- error handling: ${module.unhandledErrors}`);
    lines.push("");
  }
  lines.push("### Routes", "");
  if (facts.routes.length === 0) lines.push("(none found)");
  for (const route of facts.routes) {
    lines.push(
      `- ${route.method} ${route.path} → ${route.file}#${route.handler ?? "(inline handler)"} (line ${route.line})`,
    );
  }
  lines.push("", "### Tests", "");
  if (facts.tests.length === 0) lines.push("(no test files in the repository)");
  for (const test of facts.tests)
    lines.push(`- ${test.path} covers ${test.covers.join(", ") || "none of these modules"}`);
  lines.push("", "### TODO and FIXME comments", "");
  if (facts.todos.length === 0) lines.push("(none)");
  for (const todo of facts.todos) lines.push(`- ${todo.file} line ${todo.line}: ${todo.kind} ${todo.text}`);
  if (facts.cut) lines.push("", "(Some files were left out: the code is larger than one as-built spec reads.)");
  return lines.join("\n");
}
