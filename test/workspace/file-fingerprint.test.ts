import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintDirectory, fingerprintFiles } from "../../src/workspace/file-fingerprint.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

describe("fingerprintDirectory", () => {
  const directory = useTempDirectory("specwright-fingerprint-");
  const isCode = (name: string) => !name.endsWith(".d.ts");

  it("changes when a kept file changes, is added or goes away, and ignores what the filter leaves out", async () => {
    await writeTree(directory(), { "a.js": "1", "lib/b.js": "2", "lib/b.d.ts": "declare const b: 2;" });
    const before = fingerprintDirectory(directory(), isCode);
    expect(fingerprintDirectory(directory(), isCode)).toBe(before);

    await writeFile(join(directory(), "lib/b.d.ts"), "declare const b: number; // longer");
    expect(fingerprintDirectory(directory(), isCode)).toBe(before);
    expect(fingerprintDirectory(directory())).not.toBe(fingerprintDirectory(directory(), isCode));

    await writeFile(join(directory(), "lib/b.js"), "22");
    const changed = fingerprintDirectory(directory(), isCode);
    expect(changed).not.toBe(before);

    await writeFile(join(directory(), "c.js"), "");
    expect(fingerprintDirectory(directory(), isCode)).not.toBe(changed);
  });

  it("is '-' for a folder that does not exist, and a missing file counts in fingerprintFiles", () => {
    expect(fingerprintDirectory(join(directory(), "nope"))).toBe("-");
    expect(fingerprintFiles([join(directory(), "nope.js")])).toBe("-");
  });
});
