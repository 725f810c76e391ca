import { describe, expect, it } from "vitest";
import { splitPatch } from "../../../src/engine/dashboard/task-file-diffs.js";

const PATCH = `diff --git a/src/a.js b/src/a.js
index 1111111..2222222 100644
--- a/src/a.js
+++ b/src/a.js
@@ -1 +1 @@
-a
+b
diff --git a/img/logo.png b/img/logo.png
new file mode 100644
index 0000000..3333333
Binary files /dev/null and b/img/logo.png differ
diff --git a/docs/has diff --git in it.md b/docs/has diff --git in it.md
deleted file mode 100644
--- a/docs/has diff --git in it.md
+++ /dev/null
@@ -1 +0,0 @@
-diff --git a/x b/x
`;

describe("splitPatch", () => {
  it("cuts a git patch at each file header, keeping every byte of each part", () => {
    const parts = splitPatch(PATCH);
    expect([...parts.keys()]).toEqual(["src/a.js", "img/logo.png", "docs/has diff --git in it.md"]);
    expect([...parts.values()].join("")).toBe(PATCH);
    expect(parts.get("src/a.js")).toContain("+b\n");
    expect(parts.get("img/logo.png")).toContain("Binary files");
    // A removed line that reads like a header is not a header: it starts with "-".
    expect(parts.get("docs/has diff --git in it.md")).toContain("-diff --git a/x b/x\n");
  });

  it("gives nothing for an empty patch", () => {
    expect(splitPatch("").size).toBe(0);
  });
});
