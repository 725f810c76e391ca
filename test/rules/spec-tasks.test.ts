import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTasks } from "../../src/model/tasks/parse-tasks.js";
import { flattenTasks } from "../../src/model/tasks/walk-tasks.js";
import { allTasks } from "../../src/rules/spec-tasks.js";

const line = fc.record({
  indent: fc.constantFrom("", "  ", "    ", "      "),
  marker: fc.constantFrom("[ ]", "[x]", "[-]", "[ ]*"),
  id: fc.constantFrom("1.", "2", "2.1", "2.1.", "3.2", ""),
  title: fc.constantFrom("Build it", "Test it", "Ship"),
});

describe("allTasks", () => {
  it("is flattenTasks of the document, flattened once per document", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const text = lines.map((entry) => `${entry.indent}- ${entry.marker} ${entry.id} ${entry.title}`).join("\n");
        const document = parseTasks(text);
        expect(allTasks(document)).toEqual(flattenTasks(document.tasks));
        expect(allTasks(document)).toBe(allTasks(document));
      }),
    );
  });
});
