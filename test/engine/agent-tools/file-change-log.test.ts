import { describe, expect, it } from "vitest";
import { FileChangeLog } from "../../../src/engine/agent-tools/file-change-log.js";

describe("FileChangeLog", () => {
  it("reports each file once, first state against last, with net line counts", () => {
    const log = new FileChangeLog();
    log.record("src/new.ts", undefined, "a\nb\n");
    log.record("src/old.ts", "1\n2\n3\n", "1\nTWO\n3\n");
    log.record("src/old.ts", "1\nTWO\n3\n", "1\nTWO\n3\n4\n");
    log.record("gone.ts", "x\ny\n", undefined);
    log.record("temporary.ts", undefined, "scratch\n");
    log.record("temporary.ts", "scratch\n", undefined);
    expect(log.changes()).toEqual([
      { path: "gone.ts", kind: "deleted", linesAdded: 0, linesRemoved: 2 },
      { path: "src/new.ts", kind: "created", linesAdded: 2, linesRemoved: 0 },
      { path: "src/old.ts", kind: "modified", linesAdded: 2, linesRemoved: 1 },
    ]);
  });
});
