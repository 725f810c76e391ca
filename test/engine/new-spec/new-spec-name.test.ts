import { describe, expect, it } from "vitest";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { toKebabCase, validateSpecName } from "../../../src/engine/new-spec/new-spec-name.js";

function refusal(name: string): EngineError {
  try {
    validateSpecName(name);
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error(`"${name}" was accepted`);
}

describe("spec names", () => {
  it("accepts kebab-case names", () => {
    for (const name of ["rate-limiting", "a", "001-token-fix", "v2"])
      expect(() => validateSpecName(name)).not.toThrow();
  });

  it("turns what was typed into kebab-case", () => {
    expect(toKebabCase("Rate Limiting")).toBe("rate-limiting");
    expect(toKebabCase("rateLimiting")).toBe("rate-limiting");
    expect(toKebabCase("HTTPServer_v2")).toBe("http-server-v2");
    expect(toKebabCase("  Über--Cache! ")).toBe("uber-cache");
    expect(toKebabCase("日本語")).toBe("");
  });

  it("refuses a name that is not kebab-case as a usage error, suggesting its kebab-case form", () => {
    const error = refusal("Rate_Limiting");
    expect(error).toMatchObject({ code: "invalid-spec-name", kind: "usage", candidates: ["rate-limiting"] });
    expect(error.fix).toBe("Use rate-limiting.");
    expect(refusal("trailing-").candidates).toEqual(["trailing"]);
    expect(refusal("double--hyphen").candidates).toEqual(["double-hyphen"]);
    expect(refusal("日本語").fix).toContain("rate-limiting");
  });

  it("refuses paths, dot names and empty names", () => {
    expect(refusal("specs/rate-limiting")).toMatchObject({ kind: "usage", candidates: ["rate-limiting"] });
    expect(refusal("..\\evil").message).toContain("is a path");
    expect(refusal("..").message).toContain("is a path");
    expect(refusal("a..b").message).toContain("is a path");
    expect(refusal(".hidden").candidates).toEqual(["hidden"]);
    expect(refusal("").message).toBe("The spec name is empty.");
    expect(refusal("   ").message).toBe("The spec name is empty.");
  });

  it("refuses overlong names", () => {
    expect(refusal("a".repeat(81)).message).toContain("81 characters");
  });
});
