import { productSteeringTemplate } from "./product-steering-template.js";
import type { RepositoryFacts } from "./repository-facts.js";
import type { TemplateFile } from "./spec-templates.js";
import { structureSteeringTemplate } from "./structure-steering-template.js";
import { techSteeringTemplate } from "./tech-steering-template.js";

/** Kiro's three default steering files, filled with what was read from the repository. */
export function steeringTemplates(facts: RepositoryFacts): TemplateFile[] {
  return [
    { name: "product.md", content: productSteeringTemplate(facts) },
    { name: "tech.md", content: techSteeringTemplate(facts) },
    { name: "structure.md", content: structureSteeringTemplate(facts) },
  ];
}
