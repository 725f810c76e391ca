import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/child-process.js";
import { useCompiledWorkspace } from "./compile-workspace.js";

const worker = fileURLToPath(new URL("./fixtures/count-edits-worker.mjs", import.meta.url));
const PROCESSES = 4;
const EDITS = 100;

const workspace = useCompiledWorkspace();

describe("editTextFile across processes", () => {
  it(`loses no update when ${PROCESSES} processes each edit their own line of one file ${EDITS} times`, async () => {
    const path = join(workspace.directory(), "tasks.md");
    // BOM and CRLF: every one of the 400 rewrites must also keep them.
    const lines = Array.from({ length: PROCESSES }, (_, line) => `- [ ] ${line}: 0`);
    await writeFile(path, `\uFEFF${lines.join("\r\n")}`);

    const results = await Promise.all(
      Array.from({ length: PROCESSES }, (_, line) =>
        runNode([worker, workspace.compiled(), path, String(line), String(EDITS)]),
      ),
    );

    for (const [line, result] of results.entries()) {
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(`done ${line}\n`);
      expect(result.code).toBe(0);
    }
    // An even number of flips leaves each box unchecked; a lost update would leave a count below EDITS.
    const expected = Array.from({ length: PROCESSES }, (_, line) => `- [ ] ${line}: ${EDITS}`);
    expect(await readFile(path, "utf8")).toBe(`\uFEFF${expected.join("\r\n")}`);
    expect((await readdir(workspace.directory())).sort()).toEqual(["compiled", "tasks.md"]);
  });
});
