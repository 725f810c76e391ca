import type { ModuleFact } from "./code-facts.js";

/** A mermaid flowchart of the modules and their imports, as the code has them (no model involved). */
export function importGraphMermaid(modules: readonly ModuleFact[]): string {
  const ids = new Map(modules.map((module, index) => [module.path, `M${index + 1}`]));
  const lines = ["```mermaid", "flowchart LR"];
  for (const module of modules) lines.push(`  ${ids.get(module.path)}["${module.path.replaceAll('"', "'")}"]`);
  for (const module of modules) {
    for (const target of module.imports) {
      const to = ids.get(target);
      if (to !== undefined) lines.push(`  ${ids.get(module.path)} --> ${to}`);
    }
  }
  lines.push("```");
  return lines.join("\n");
}
