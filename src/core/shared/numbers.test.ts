import { describe, expect, it } from "vitest";
import { median, roundTo } from "./numbers.ts";

describe("number helpers", () => {
  it("rounds to three decimals by default, or as many as asked", () => {
    expect(roundTo(2 / 3)).toBe(0.667);
    expect(roundTo(1.23456, 1)).toBe(1.2);
    expect(roundTo(-0.0004)).toBe(-0);
  });

  it("takes the median of odd and even counts, and none of nothing", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
