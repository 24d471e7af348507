import { describe, expect, it } from "vitest";
import { MIN_GROUP_SIZE, totalsMayBeShown, withheld } from "./aggregates.ts";

describe("small-group suppression", () => {
  it("shows totals over five people or more, never fewer", () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    expect([0, 1, 4, 5, 120].map((size) => totalsMayBeShown(size))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it("withholds a whole whose small part could be worked out by subtraction", () => {
    // An organization of 6 coachees: 5 in one programme, 1 in another.
    expect(totalsMayBeShown(6, [5, 1])).toBe(false);
    expect(totalsMayBeShown(12, [5, 7])).toBe(true);
    expect(totalsMayBeShown(5, [5, 0])).toBe(true);
  });

  it("replaces every count by null", () => {
    expect(withheld({ scheduled: 3, held: 7 })).toEqual({ scheduled: null, held: null });
  });
});
