import { codeSpan } from "./markdown-text.js";
import { placeholder } from "./placeholder.js";
import type { RepositoryFacts } from "./repository-facts.js";
import { ALWAYS_INCLUDED_FRONT_MATTER } from "./steering-front-matter.js";

/** `.kiro/steering/tech.md`: languages, package managers and commands as read from the repository. */
export function techSteeringTemplate(facts: RepositoryFacts): string {
  const languages = facts.languages.map((language) => `- ${language.name} (${plural(language.files, "file")})`);
  const managers = facts.packageManagers.map((manager) => `- ${manager.name} (${codeSpan(manager.evidence)})`);
  const commands = facts.commands.map(
    (command) => `- ${codeSpan(command.command)}${command.runs === undefined ? "" : `: ${codeSpan(command.runs)}`}`,
  );
  return [
    ALWAYS_INCLUDED_FRONT_MATTER,
    "# Technology Stack",
    "",
    "## Languages",
    "",
    ...orPlaceholder(languages, "the languages the project is written in"),
    "",
    "## Package Management and Build",
    "",
    ...orPlaceholder(managers, "the package manager and build tool"),
    "",
    "## Frameworks and Libraries",
    "",
    `- ${placeholder("a framework or library the code relies on, and what it is used for")}`,
    "",
    "## Common Commands",
    "",
    ...orPlaceholder(commands, "the commands that build, test and lint the project"),
    "",
  ].join("\n");
}

function orPlaceholder(lines: readonly string[], hint: string): readonly string[] {
  return lines.length > 0 ? lines : [`- ${placeholder(hint)}`];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
