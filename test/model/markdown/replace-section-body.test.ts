import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replaceSectionBody } from "../../../src/model/markdown/replace-section-body.js";
import { changedRegion } from "../../helpers/changed-region.js";
import { editedText } from "../../helpers/edited-text.js";

const DOCUMENT = "# Design\n\n## Overview\n\nOld text.\n\n## Architecture\n\nBoxes.\n";

describe("replaceSectionBody", () => {
  it("replaces what is under a heading up to the next heading of the same level", () => {
    expect(editedText(replaceSectionBody(DOCUMENT, "Overview", "\nNew text.\n"))).toBe(
      "# Design\n\n## Overview\n\nNew text.\n## Architecture\n\nBoxes.\n",
    );
    expect(editedText(replaceSectionBody(DOCUMENT, "architecture", "\nLayers."))).toBe(
      "# Design\n\n## Overview\n\nOld text.\n\n## Architecture\n\nLayers.\n",
    );
  });

  it("keeps sub-sections inside the replaced body's range and the file's CRLF endings", () => {
    const crlf = "## A\r\nx\r\n### A.1\r\ny\r\n## B\r\nz";
    expect(editedText(replaceSectionBody(crlf, "A", "new\nbody"))).toBe("## A\r\nnew\r\nbody\r\n## B\r\nz");
  });

  it("adds a line ending after a heading on the last line", () => {
    expect(editedText(replaceSectionBody("# T\n## Notes", "Notes", "- one"))).toBe("# T\n## Notes\n- one");
  });

  it("refuses an unknown heading and names the closest", () => {
    const result = replaceSectionBody(DOCUMENT, "Overveiw", "x");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal).toMatchObject({ code: "unknown-section", candidates: ["Overview"] });
  });

  it("changes nothing outside the section (property-based)", () => {
    const line = fc.string({ maxLength: 12 }).map((text) => text.replace(/[\r\n#`~]/g, "x"));
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 4 }),
        fc.array(line, { maxLength: 4 }),
        fc.array(line, { maxLength: 3 }),
        (before, section, after) => {
          const head = `# Doc\n${before.join("\n")}\n`;
          const tail = `## Next\n${after.join("\n")}\n`;
          const text = `${head}## Target\n${section.join("\n")}\n${tail}`;
          const next = editedText(replaceSectionBody(text, "Target", "replaced"));
          expect(next.startsWith(`${head}## Target\n`)).toBe(true);
          expect(next.endsWith(tail)).toBe(true);
          expect(next).toBe(`${head}## Target\nreplaced\n${tail}`);
          const region = changedRegion(text, next);
          if (region) expect(region.start).toBeGreaterThanOrEqual(`${head}## Target\n`.length);
        },
      ),
    );
  });
});
