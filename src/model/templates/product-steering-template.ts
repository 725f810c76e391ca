import { singleLine } from "./markdown-text.js";
import { placeholder } from "./placeholder.js";
import type { RepositoryFacts } from "./repository-facts.js";
import { ALWAYS_INCLUDED_FRONT_MATTER } from "./steering-front-matter.js";

/** `.kiro/steering/product.md`: what the product is and who it is for; what no file says is a placeholder. */
export function productSteeringTemplate(facts: RepositoryFacts): string {
  const name = singleLine(facts.name);
  const description = facts.description === undefined ? "" : singleLine(facts.description);
  return [
    ALWAYS_INCLUDED_FRONT_MATTER,
    `# Product Overview`,
    "",
    description === ""
      ? placeholder(`what ${name} is, the problem it solves, in two or three sentences`)
      : `${name}: ${description}`,
    "",
    "## Target Users",
    "",
    `- ${placeholder(`who uses ${name} and what they need from it`)}`,
    "",
    "## Key Features",
    "",
    `- ${placeholder("a main feature, one line each")}`,
    "",
    "## Product Rules",
    "",
    `- ${placeholder("a rule every change must respect, such as a compatibility or privacy promise")}`,
    "",
  ].join("\n");
}
