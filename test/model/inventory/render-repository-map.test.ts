import { describe, expect, it } from "vitest";
import { formatBytes, type MapFile, renderRepositoryMap } from "../../../src/model/inventory/render-repository-map.js";

const FILES: MapFile[] = [
  { path: "package.json", bytes: 700 },
  { path: "src/index.ts", bytes: 2048, exports: [{ name: "createApp", kind: "function" }] },
  { path: "src/store/redis.ts", bytes: 5000, exports: [{ name: "RedisStore", kind: "class" }] },
  { path: "src/store/memory.ts", bytes: 900 },
  { path: "test/app.test.ts", bytes: 1200 },
];

describe("renderRepositoryMap", () => {
  it("shows every file with its size and exports when the whole tree fits", () => {
    const rendered = renderRepositoryMap(FILES, { maxChars: 10_000 });
    expect(rendered).toEqual({
      text: [
        "src/",
        "  store/",
        "    memory.ts (900 B)",
        "    redis.ts (4.9 KB): class RedisStore",
        "  index.ts (2.0 KB): createApp()",
        "test/",
        "  app.test.ts (1.2 KB)",
        "package.json (700 B)",
      ].join("\n"),
      cut: false,
    });
  });

  it("folds deeper folders first and drops exports when the limit is small", () => {
    const rendered = renderRepositoryMap(FILES, { maxChars: 90 });
    expect(rendered.cut).toBe(false);
    expect(rendered.text.length).toBeLessThanOrEqual(90);
    expect(rendered.text).toContain("store/ (2 files)");
    expect(rendered.text).toContain("package.json (700 B)");
  });

  it("folds everything to the top level before it cuts lines", () => {
    const folded = renderRepositoryMap(FILES, { maxChars: 60 });
    expect(folded.text).toBe(["src/ (3 files)", "test/ (1 file)", "package.json (700 B)"].join("\n"));
    const cut = renderRepositoryMap(FILES, { maxChars: 40 });
    expect(cut.cut).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(40);
  });

  it("formats sizes in B, KB and MB", () => {
    expect([formatBytes(0), formatBytes(1536), formatBytes(3 * 1024 * 1024)]).toEqual(["0 B", "1.5 KB", "3.0 MB"]);
  });
});
