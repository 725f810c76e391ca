import { describe, expect, it } from "vitest";
import { answersFromFile, parseAnswersFile, suggestedAnswers } from "../../../src/engine/authoring/answers-file.js";
import { insertClarifications } from "../../../src/engine/authoring/clarifications-section.js";
import { type Clarification, normalizeQuestions } from "../../../src/engine/authoring/clarifying-question.js";
import { parseRequirements } from "../../../src/model/requirements/index.js";

const QUESTIONS = normalizeQuestions({
  questions: [
    { id: "per-route-limits", question: "Should limits be configurable per route?", suggestedAnswer: "Yes." },
    { id: "Not An Id", question: "Fail open or closed?", suggestedAnswer: "Fail open." },
  ],
});

describe("normalizeQuestions", () => {
  it("keeps usable kebab-case ids, numbers the rest, and asks at most five", () => {
    expect(QUESTIONS.map((question) => question.id)).toEqual(["per-route-limits", "q2"]);
    const many = normalizeQuestions({
      questions: Array.from({ length: 8 }, (_, index) => ({
        id: "same",
        question: `Question ${index}?`,
        suggestedAnswer: "a",
      })),
    });
    expect(many.map((question) => question.id)).toEqual(["same", "q2", "q3", "q4", "q5"]);
  });
});

describe("answers", () => {
  it("reads answers by id or by question text", () => {
    const answers = parseAnswersFile(
      "per-route-limits: No, one limit for all routes\n'Fail open or closed?': closed\n",
      "answers.yaml",
    );
    expect(answersFromFile(QUESTIONS, answers, { useSuggested: false, path: "answers.yaml" })).toEqual([
      expect.objectContaining({
        id: "per-route-limits",
        answer: "No, one limit for all routes",
        source: "answers-file",
      }),
      expect.objectContaining({ id: "q2", answer: "closed", source: "answers-file" }),
    ]);
  });

  it("refuses unanswered questions unless the suggested answers are wanted", () => {
    const answers = parseAnswersFile("per-route-limits: yes\n", "answers.yaml");
    expect(() => answersFromFile(QUESTIONS, answers, { useSuggested: false, path: "answers.yaml" })).toThrow(
      expect.objectContaining({ code: "unanswered-questions", candidates: ["q2"] }),
    );
    const filled = answersFromFile(QUESTIONS, answers, { useSuggested: true, path: "answers.yaml" });
    expect(filled[1]).toMatchObject({ answer: "Fail open.", source: "suggested" });
  });

  it("refuses an answers file that is not a mapping", () => {
    expect(() => parseAnswersFile("- a\n- b\n", "answers.yaml")).toThrow(
      expect.objectContaining({ code: "invalid-answers-file" }),
    );
    expect(() => parseAnswersFile("a: [unclosed", "answers.yaml")).toThrow(
      expect.objectContaining({ code: "invalid-answers-file" }),
    );
  });
});

describe("insertClarifications", () => {
  const clarifications: Clarification[] = suggestedAnswers(QUESTIONS);
  const document =
    "# Requirements Document\n\n## Introduction\n\nRate limiting.\n\n## Glossary\n\n- **Rate_Limiter**: it.\n";

  it("adds a Clarifications subsection at the end of the Introduction", () => {
    expect(insertClarifications(document, clarifications)).toBe(
      "# Requirements Document\n\n## Introduction\n\nRate limiting.\n\n### Clarifications\n\n" +
        "- **Should limits be configurable per route?** Yes.\n- **Fail open or closed?** Fail open.\n\n" +
        "## Glossary\n\n- **Rate_Limiter**: it.\n",
    );
  });

  it("keeps the parser's view of the document: the Introduction holds the answers, the Glossary is intact", () => {
    const parsed = parseRequirements(insertClarifications(document, clarifications));
    expect(parsed.glossary.map((entry) => entry.term)).toEqual(["Rate_Limiter"]);
    expect(parsed.diagnostics.filter((diagnostic) => diagnostic.severity !== "info")).toEqual([]);
  });

  it("changes nothing without answers, and records the answers once however often it runs", () => {
    expect(insertClarifications(document, [])).toBe(document);
    const once = insertClarifications(document, clarifications);
    expect(insertClarifications(once, clarifications)).toBe(once);
  });

  it("replaces a Clarifications subsection the model wrote with the answers as given", () => {
    const invented = document.replace(
      "Rate limiting.\n",
      "Rate limiting.\n\n### Clarifications\n\n- **Made up?** Yes.\n",
    );
    expect(insertClarifications(invented, clarifications)).toBe(insertClarifications(document, clarifications));
  });

  it("appends to a document whose first section is its last", () => {
    expect(insertClarifications("# T\n\n## Overview\n\nText.", clarifications.slice(0, 1))).toBe(
      "# T\n\n## Overview\n\nText.\n\n### Clarifications\n\n- **Should limits be configurable per route?** Yes.\n",
    );
  });
});
