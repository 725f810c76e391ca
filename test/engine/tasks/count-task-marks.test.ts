import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countTaskMarks, countTasks } from "../../../src/engine/tasks/task-progress.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";

/** Plans whose shape decides what is a task: fences, unknown markers, flat numbering, lazy lines, deep nesting. */
const TRICKY: readonly string[] = [
  "# Plan\n\n- [ ] 1. First\n  - [x] 1.1 Done\n  - [-]* 1.2 Optional, started\n- [~] 2. Queued\n",
  "- [ ] 1. Shown\n\n```md\n- [ ] not a task inside a fence\n```\n\n~~~\n- [x] nor this\n~~~\n- [X] 2. Done too\n",
  "- [?] unknown marker\n- [ ]\\* 3. escaped optional\n* [x] star bullet\n1. [ ] ordered item\n",
  "- [ ] 9. Group\n- [ ] 9.1 flat child\n- [x] 9.2 flat child\n  _Requirements: 1.1_\n",
  "    - [ ] indented code block, not a list item\n- [ ] real\n",
  `${Array.from({ length: 120 }, (_, depth) => `${"  ".repeat(depth)}- [${depth % 2 ? "x" : " "}] level ${depth}`).join("\n")}\n`,
  "\uFEFF- [ ] BOM first\r\n- [x] CRLF\r\n",
  "",
];

/** Lines a plan is made of, the ones that decide what is a task among them; the corpus suite adds real plans. */
const planLine = fc.oneof(
  fc
    .tuple(
      fc.nat({ max: 4 }),
      fc.constantFrom(" ", "x", "X", "-", "~", "?"),
      fc.boolean(),
      fc.constantFrom("1.", "2.1", "3", ""),
    )
    .map(([depth, mark, optional, id]) => `${"  ".repeat(depth)}- [${mark}]${optional ? "*" : ""} ${id} task`),
  fc.constantFrom(
    "```",
    "~~~",
    "# Plan",
    "",
    "  _Requirements: 1.1_",
    "    - [ ] indented code",
    "* [x] star",
    "1. [ ] ordered",
  ),
);

describe("countTaskMarks", () => {
  it("counts what countTasks counts of the parsed plan, on tricky plans", () => {
    let tasks = 0;
    for (const text of TRICKY) {
      const expected = countTasks(parseTasks(text).tasks);
      expect(countTaskMarks(text)).toStrictEqual(expected);
      tasks += expected.required.total + expected.optional.total;
    }
    expect(tasks).toBeGreaterThan(100);
  });

  it("counts what countTasks counts on any plan made of task, fence, heading and list lines", () => {
    fc.assert(
      fc.property(fc.array(planLine, { maxLength: 40 }), fc.constantFrom("\n", "\r\n"), (lines, newline) => {
        const text = lines.join(newline);
        expect(countTaskMarks(text)).toStrictEqual(countTasks(parseTasks(text).tasks));
      }),
      { numRuns: 500 },
    );
  });
});
