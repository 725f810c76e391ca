import { describe, expect, it } from "vitest";
import { parseBugfix } from "../../../src/model/bugfix/parse-bugfix.js";
import { parseDesign } from "../../../src/model/design/parse-design.js";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { parseRequirements } from "../../../src/model/requirements/parse-requirements.js";
import { parseSteering } from "../../../src/model/steering/parse-steering.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";

const PARSERS = { parseRequirements, parseBugfix, parseDesign, parseTasks, parseSteering } as const;

/** Nesting 100,000 deep on one line (a line per level would be gigabytes), and 3,000 deep over lines. */
const DEEP_INPUTS: Record<string, string> = {
  "list markers": `${"- ".repeat(100_000)}[ ] 1. WHEN deep THEN the system SHALL cope\n`,
  "numbered markers": `${"1. ".repeat(100_000)}WHEN deep THE system SHALL cope\n`,
  "block quotes": `${"> ".repeat(100_000)}- [ ] 1. Task\n`,
  brackets: `- [ ] 1. ${"[".repeat(100_000)}${"]".repeat(100_000)}\n  - _Requirements: ${"(".repeat(100_000)}1.1_\n`,
  emphasis: `### Requirement 1\n\n1. THE ${"**".repeat(100_000)} SHALL cope\n`,
  "indented lines": Array.from({ length: 3_000 }, (_, level) => `${" ".repeat(level)}- [ ] ${level + 1}. Level`).join(
    "\n",
  ),
  "headings under headings": Array.from({ length: 100_000 }, (_, index) => `${"#".repeat((index % 6) + 1)} H`).join(
    "\n",
  ),
};

describe("every markdown parser at depth 100,000", () => {
  for (const [parserName, parse] of Object.entries(PARSERS)) {
    for (const [inputName, text] of Object.entries(DEEP_INPUTS)) {
      it(`${parserName} reads ${inputName} without throwing and round-trips`, () => {
        const document = parse(text);
        expect(serializeDocument(document)).toBe(text);
      });
    }
  }
});
