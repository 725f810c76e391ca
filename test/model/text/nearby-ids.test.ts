import { describe, expect, it } from "vitest";
import { nearbyIds } from "../../../src/model/text/nearby-ids.js";

describe("nearbyIds", () => {
  const criteria = ["1.1", "1.2", "2.1", "2.2", "2.3", "29a.1", "29a.2", "29b.1", "R3.1", "R3.4", "12.1"];

  it("suggests ids of the same requirement with a close last number", () => {
    expect(nearbyIds("2.4", criteria)).toEqual(["2.3", "2.2", "2.1"]);
    expect(nearbyIds("R3.6", criteria)).toEqual(["R3.4"]);
  });

  it("never suggests another shape or a far number", () => {
    expect(nearbyIds("29a.3", criteria)).toEqual(["29a.2", "29a.1", "29b.1"]);
    expect(nearbyIds("29c.1", criteria)).toEqual(["29b.1", "29a.1", "29a.2"]);
    expect(nearbyIds("7.1", criteria)).toEqual([]);
    expect(nearbyIds("2", criteria)).toEqual([]);
    expect(nearbyIds("1.9", criteria)).toEqual([]);
    expect(nearbyIds("R0", ["R0", "R1", "R2", "10"])).toEqual(["R1", "R2"]);
  });
});
