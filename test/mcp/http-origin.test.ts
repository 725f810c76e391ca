import { describe, expect, it } from "vitest";
import { foreignRequestRefusal } from "../../src/mcp/http-origin.js";

describe("foreignRequestRefusal", () => {
  it("lets through the server's own Host, with its own Origin or none", () => {
    expect(foreignRequestRefusal({ host: "127.0.0.1:7411" }, 7411)).toBeUndefined();
    expect(foreignRequestRefusal({ host: "LOCALHOST:7411", origin: "http://localhost:7411" }, 7411)).toBeUndefined();
    expect(foreignRequestRefusal({ host: "127.0.0.1:7411", origin: "http://localhost:7411" }, 7411)).toBeUndefined();
  });

  it("refuses a missing or foreign Host, naming what it expected", () => {
    expect(foreignRequestRefusal({}, 7411)).toBe(
      "Refused: the Host header (none) is not 127.0.0.1:7411 or localhost:7411 (DNS rebinding protection).",
    );
    expect(foreignRequestRefusal({ host: "127.0.0.1" }, 7411)).toContain('"127.0.0.1"');
    expect(foreignRequestRefusal({ host: "localhost:7412" }, 7411)).toContain("Host header");
  });

  it("refuses every other Origin: null, other ports and schemes, several origins joined", () => {
    for (const origin of [
      "null",
      "http://localhost:7412",
      "https://localhost:7411",
      "http://a.example, http://localhost:7411",
    ]) {
      expect(foreignRequestRefusal({ host: "localhost:7411", origin }, 7411), origin).toMatch(
        /^Refused: the Origin ".*" is not this server's own \(http:\/\/127\.0\.0\.1:7411 or http:\/\/localhost:7411\)/,
      );
    }
  });

  it("quotes a long header shortened, as JSON (no control characters reach a log)", () => {
    const refusal = foreignRequestRefusal({ host: "localhost:1", origin: `http://x\u202e${"y".repeat(300)}` }, 1) ?? "";
    expect(refusal).toContain('"http://x\u202e');
    expect(refusal.length).toBeLessThan(300);
  });
});
