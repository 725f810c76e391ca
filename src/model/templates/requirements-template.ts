import { titleOfName } from "./markdown-text.js";
import { placeholder } from "./placeholder.js";

/**
 * `requirements.md` of a new feature spec in Kiro's current format: Introduction, Glossary, and one
 * requirement with a titled heading, a user story and EARS acceptance criteria (event-driven, unwanted
 * behaviour, ubiquitous), each part a placeholder.
 */
export function requirementsTemplate(name: string): string {
  const feature = titleOfName(name);
  const system = placeholder("the glossary term (Snake_Case) of the component that responds");
  return [
    "# Requirements Document",
    "",
    "## Introduction",
    "",
    placeholder(`what ${feature} does, for whom, and why it is needed, in a short paragraph`),
    "",
    "## Glossary",
    "",
    `- **${placeholder("the component's name as a Snake_Case glossary term")}**: ${placeholder("what this component is and what it is responsible for")}`,
    "",
    "## Requirements",
    "",
    `### Requirement 1: ${placeholder("a short title for the capability")}`,
    "",
    `**User Story:** As a ${placeholder("the user's role")}, I want ${placeholder("a capability")}, so that ${placeholder("the benefit")}`,
    "",
    "#### Acceptance Criteria",
    "",
    `1. WHEN ${placeholder("the event that triggers the response")}, THE ${system} SHALL ${placeholder("the observable response")}`,
    `2. IF ${placeholder("an unwanted condition, such as invalid input or a failure")}, THEN THE ${system} SHALL ${placeholder("how it responds")}`,
    `3. THE ${system} SHALL ${placeholder("a response that always holds")}`,
    "",
  ].join("\n");
}
