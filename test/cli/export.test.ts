import { describe, expect, it } from "vitest";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

describe("specwright export", () => {
  const directory = useTempDirectory();

  it("prints requirements, criteria with EARS class and position, design properties and the task tree", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const result = await runCli(["export", "rate-limiting", "--json"], { cwd: directory() });
    expect(result.code).toBe(0);
    const document = jsonOf(result);
    expect(document).toMatchObject({
      ok: true,
      schemaVersion: 1,
      spec: { name: "rate-limiting", type: "feature", specId: "0b6f2d1e-3c4a-4f7e-9a51-2f1d3c5b7a90" },
      glossary: [{ term: "Rate_Limiter" }],
      requirements: [
        {
          id: "1",
          title: "Count requests",
          criteria: [
            { id: "1.1", ears: "event-driven", subject: "Rate_Limiter", location: { line: 19, column: 1 } },
            { id: "1.2", ears: "ubiquitous" },
          ],
        },
        { id: "2", criteria: [{ id: "2.1", ears: "unwanted-behaviour" }] },
      ],
      design: { properties: [{ number: "1", title: "Counting is exact", validates: ["1.1", "1.2"] }] },
      tasks: [
        {
          id: "1",
          status: "done",
          children: [
            { id: "1.1", requirements: ["1.1"], optional: false },
            { id: "1.2", optional: true, properties: ["1"], validates: ["1.1", "1.2"] },
          ],
        },
        { id: "2", status: "in-progress" },
        { id: "3", checkpoint: true, requirements: [] },
      ],
    });
  });

  it("exports a bugfix spec's clauses by group", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const document = jsonOf(await runCli(["export", "double-save", "--json"], { cwd: directory() }));
    expect(document).toMatchObject({
      spec: { type: "bugfix" },
      bugfix: [
        { id: "1.1", group: "current", ears: "none" },
        { id: "2.1", group: "expected" },
        { id: "3.1", group: "unchanged" },
      ],
      design: null,
      tasks: [],
    });
  });
});
