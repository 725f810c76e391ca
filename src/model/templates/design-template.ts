import { titleOfName } from "./markdown-text.js";
import { placeholder } from "./placeholder.js";

/**
 * `design.md` of a new feature spec, with the sections Kiro writes: Overview, Architecture, Components and
 * Interfaces, Data Models, Correctness Properties, Error Handling, Testing Strategy.
 */
export function featureDesignTemplate(name: string): string {
  return [
    "# Design Document",
    "",
    "## Overview",
    "",
    placeholder(`how ${titleOfName(name)} works, in a few sentences, and which requirements it satisfies`),
    "",
    "## Architecture",
    "",
    placeholder("the components and how data flows between them; a mermaid diagram helps"),
    "",
    "## Components and Interfaces",
    "",
    `### ${placeholder("the component's name")}`,
    "",
    placeholder("its responsibility, its interface, and the existing modules it reuses"),
    "",
    "## Data Models",
    "",
    placeholder("the types, records or tables this feature adds or changes"),
    "",
    "## Correctness Properties",
    "",
    "*A property is a characteristic or behavior that should hold true across all valid executions of a system: a formal statement about what the system should do, which a property-based test can verify.*",
    "",
    `### Property 1: ${placeholder("the property's name")}`,
    "",
    `*For any* ${placeholder("the inputs the property ranges over")}, ${placeholder("what must hold")}`,
    "",
    "**Validates: Requirements 1.1**",
    "",
    "## Error Handling",
    "",
    placeholder("each failure the feature can meet and how it responds"),
    "",
    "## Testing Strategy",
    "",
    placeholder("unit tests, property-based tests (one per correctness property) and integration tests"),
    "",
  ].join("\n");
}

/**
 * `design.md` of a new bugfix spec, shaped like Kiro's bugfix designs: the bug condition, the behaviour
 * to preserve, the root cause, properties for fix and preservation checking, the fix and its tests.
 */
export function bugfixDesignTemplate(name: string): string {
  return [
    `# ${titleOfName(name)} Bugfix Design`,
    "",
    "## Overview",
    "",
    placeholder("the bug and the approach to fixing it, in a few sentences"),
    "",
    "## Bug Details",
    "",
    "### Bug Condition",
    "",
    placeholder("the inputs or states for which the bug shows, stated precisely"),
    "",
    "## Expected Behavior",
    "",
    "### Preservation Requirements",
    "",
    placeholder("the behaviour outside the bug condition that must stay as it is"),
    "",
    "## Hypothesized Root Cause",
    "",
    placeholder("why the bug happens, and how to confirm it"),
    "",
    "## Correctness Properties",
    "",
    `### Property 1: Bug Condition - ${placeholder("what holds after the fix for every input in the bug condition")}`,
    "",
    `*For any* input where the bug condition holds, ${placeholder("the expected result")}`,
    "",
    "**Validates: Requirements 2.1**",
    "",
    `### Property 2: Preservation - ${placeholder("what stays the same for every other input")}`,
    "",
    `*For any* input where the bug condition does not hold, ${placeholder("the result that must not change")}`,
    "",
    "**Validates: Requirements 3.1**",
    "",
    "## Fix Implementation",
    "",
    placeholder("the changes, file by file"),
    "",
    "## Testing Strategy",
    "",
    placeholder("a failing test that reproduces the bug, property tests for preservation, then the fix"),
    "",
  ].join("\n");
}
