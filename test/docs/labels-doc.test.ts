import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { LABEL_VOCABULARIES } from "../../src/model/requirements/label-vocabulary.js";

describe("docs/labels.md", () => {
  it("lists every language and label of the vocabulary", async () => {
    const page = await readFile(new URL("../../docs/labels.md", import.meta.url), "utf8");
    for (const vocabulary of LABEL_VOCABULARIES) {
      expect(page).toContain(`| ${vocabulary.language} |`);
      const labels = [
        ...vocabulary.requirement,
        ...vocabulary.acceptanceCriteria,
        ...vocabulary.userStory,
        ...vocabulary.introduction,
        ...vocabulary.glossary,
      ];
      for (const label of labels) expect(page, `${vocabulary.language}: ${label}`).toContain(`\`${label}\``);
    }
  });
});
