import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFileExclusive } from "../../../src/workspace/create-file-exclusive.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

describe("createFileExclusive", () => {
  const directory = useTempDirectory();

  it("creates a missing file with exactly the content given", async () => {
    const path = join(directory(), "a.md");
    expect(await createFileExclusive(path, "\uFEFFline\r\n")).toBe("created");
    expect(await readFile(path, "utf8")).toBe("\uFEFFline\r\n");
    expect(await readdir(directory())).toEqual(["a.md"]);
  });

  it("leaves an existing file alone", async () => {
    const path = join(directory(), "a.md");
    await writeFile(path, "mine");
    expect(await createFileExclusive(path, "theirs")).toBe("exists");
    expect(await readFile(path, "utf8")).toBe("mine");
    expect(await readdir(directory())).toEqual(["a.md"]);
  });

  it("lets exactly one of many racing writers win, with its whole content", async () => {
    const path = join(directory(), "a.md");
    const contents = Array.from({ length: 20 }, (_, index) => `writer ${index}\n`.repeat(2000));
    const outcomes = await Promise.all(contents.map((content) => createFileExclusive(path, content)));
    expect(outcomes.filter((outcome) => outcome === "created")).toHaveLength(1);
    const winner = contents[outcomes.indexOf("created")];
    expect(await readFile(path, "utf8")).toBe(winner);
    expect(await readdir(directory())).toEqual(["a.md"]);
  });

  it("reports a missing folder as a workspace error", async () => {
    await expect(createFileExclusive(join(directory(), "no/such/a.md"), "x")).rejects.toMatchObject({
      code: "not-found",
    });
  });
});
