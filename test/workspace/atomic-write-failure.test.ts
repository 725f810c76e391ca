import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeFileAtomic } from "../../src/workspace/atomic-write.js";
import { useTempDirectory } from "../helpers/temp-dir.js";
import { expectWorkspaceError } from "./expect-workspace-error.js";

// A failure after the temp file exists cannot be provoked reliably with real permissions (tests may run as
// root), so the final rename is made to fail: everything before it runs for real.
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, rename: vi.fn(actual.rename) };
});

const temp = useTempDirectory();

afterEach(() => {
  vi.mocked(rename).mockClear();
});

function failingOnce(code: string) {
  vi.mocked(rename).mockImplementationOnce(async () => {
    throw Object.assign(new Error(`${code}: simulated`), { code });
  });
}

describe("writeFileAtomic when the write fails", () => {
  it("removes its temp file, keeps the old content and reports an io-error", async () => {
    const path = join(temp(), "tasks.md");
    await writeFile(path, "old\r\n");
    failingOnce("EIO");

    const error = await expectWorkspaceError(writeFileAtomic(path, "new"), "io-error");

    expect(error.path).toBe(path);
    expect(vi.mocked(rename)).toHaveBeenCalledTimes(1);
    expect(await readFile(path, "utf8")).toBe("old\r\n");
    expect(await readdir(temp())).toEqual(["tasks.md"]);
  });

  it("maps EACCES to permission-denied and leaves no temp file for a new file either", async () => {
    const path = join(temp(), "design.md");
    failingOnce("EACCES");

    await expectWorkspaceError(writeFileAtomic(path, "new"), "permission-denied");

    expect(await readdir(temp())).toEqual([]);
  });
});
