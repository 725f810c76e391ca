import { describe, expect, it } from "vitest";
import { classifyEars } from "../../../src/model/ears/classify-ears.js";
import { parseRequirements } from "../../../src/model/requirements/parse-requirements.js";

const SENTENCES = [
  "THE Issue_Manager SHALL log every decision",
  "WHEN a new issue is created, THE Issue_Manager SHALL analyze the title",
  "IF the classifier fails, THEN THE Issue_Manager SHALL apply the label",
  "WHILE offline, WHEN a change is saved, THE App SHALL queue it",
  "WHERE export is enabled, THE App SHALL NOT drop rows",
  "The user can see the list",
  "",
];

describe("EARS classification shape", () => {
  it("gives every sentence the same keys in the same order, so every classification has one shape", () => {
    const keys = SENTENCES.map((sentence) => Object.keys(classifyEars(sentence)));
    for (const each of keys) expect(each).toEqual(keys[0]);
    expect(keys[0]).toEqual([
      "pattern",
      "hasShall",
      "negated",
      "subject",
      "clauses",
      "trigger",
      "condition",
      "state",
      "feature",
      "response",
    ]);
  });

  it("leaves out of JSON what a sentence does not have, in the order the keys always had", () => {
    expect(JSON.stringify(classifyEars("WHEN a user saves, THE Editor SHALL store the draft"))).toBe(
      '{"pattern":"event-driven","hasShall":true,"negated":false,"subject":"Editor","clauses":[{"keyword":"when","text":"a user saves"}],"trigger":"a user saves","response":"store the draft"}',
    );
    expect(JSON.stringify(classifyEars("The user can see the list"))).toBe(
      '{"pattern":"none","hasShall":false,"negated":false,"clauses":[]}',
    );
  });

  it("gives every criterion the same keys, with or without a written number or a group", () => {
    const document = parseRequirements(
      [
        "### Requirement 1: A",
        "#### Acceptance Criteria",
        "1. THE App SHALL start",
        "- THE App SHALL stop",
        "##### 1a: Group",
        "1. THE App SHALL pause",
        "",
      ].join("\n"),
    );
    const criteria = document.requirements.flatMap((requirement) => requirement.criteria);
    expect(criteria.length).toBeGreaterThan(2);
    for (const criterion of criteria) {
      expect(Object.keys(criterion)).toEqual(["id", "number", "rawNumber", "text", "ears", "location", "group"]);
    }
    expect(criteria.map((criterion) => Object.keys(JSON.parse(JSON.stringify(criterion))))).toContainEqual([
      "id",
      "number",
      "text",
      "ears",
      "location",
    ]);
  });
});
