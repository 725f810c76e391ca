import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  applySteeringProposal,
  renderSteering,
  type SteeringProposal,
} from "../../../src/engine/steering-generation/steer-by-instruction.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

describe("steering by instruction", () => {
  const directory = useTempDirectory("specwright-steer-apply-");

  it("renders several fileMatch patterns as a list (a comma-separated string matches nothing in Kiro) and auto with a description", () => {
    expect(
      renderSteering({ file: "react.md", inclusion: "fileMatch", fileMatchPattern: "**/*.tsx, **/*.jsx", body: "x" }),
    ).toBe('---\ninclusion: fileMatch\nfileMatchPattern: ["**/*.tsx", "**/*.jsx"]\n---\n\nx\n');
    expect(renderSteering({ file: "testing.md", inclusion: "auto", description: "How we test", body: "y" })).toBe(
      '---\ninclusion: auto\nname: testing\ndescription: "How we test"\n---\n\ny\n',
    );
  });

  it("never overwrites a file changed meanwhile, and never replaces a file created meanwhile", async () => {
    const folder = join(directory(), ".kiro", "steering");
    await mkdir(folder, { recursive: true });
    const path = join(folder, "tech.md");
    await writeFile(path, "old\n");
    const proposal: SteeringProposal = {
      root: directory(),
      file: ".kiro/steering/tech.md",
      path,
      created: false,
      before: "old\n",
      after: "new\n",
      diff: "-old\n+new\n",
      findings: [],
      edit: { file: "tech.md", inclusion: "always", body: "new" },
    };
    await writeFile(path, "edited by hand\n");
    await expect(applySteeringProposal(proposal)).rejects.toMatchObject({ code: "changed-meanwhile" });
    expect(await readFile(path, "utf8")).toBe("edited by hand\n");

    const fresh = join(folder, "testing.md");
    await writeFile(fresh, "someone else's\n");
    await expect(
      applySteeringProposal({ ...proposal, path: fresh, file: ".kiro/steering/testing.md", created: true, before: "" }),
    ).rejects.toMatchObject({ code: "changed-meanwhile" });
    expect(await readFile(fresh, "utf8")).toBe("someone else's\n");
  });
});
