import { describe, expect, it } from "vitest";
import { closestMatches, editDistance } from "../../../src/model/text/closest-matches.js";

describe("closestMatches", () => {
  it("measures edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests near ids and names that contain what was typed", () => {
    expect(closestMatches("2.3", ["1", "2.1", "2.2", "10.4"])).toEqual(["2.1", "2.2"]);
    expect(closestMatches("boto3-timeou", ["boto3-timeout-config", "notebook-catalog"])).toEqual([
      "boto3-timeout-config",
    ]);
    expect(closestMatches("zzzzzz", ["alpha", "beta"])).toEqual([]);
  });
});
