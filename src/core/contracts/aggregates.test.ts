import { describe, expect, it } from "vitest";
import { MIN_GROUP_SIZE, suppressSmallCount, suppressSmallCounts } from "./aggregates.ts";

describe("small-group suppression", () => {
  it("withholds counts of one to four, keeps zero and five or more", () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    expect([0, 1, 4, 5, 120].map(suppressSmallCount)).toEqual([0, null, null, 5, 120]);
  });

  it("applies to every count of a record", () => {
    expect(suppressSmallCounts({ scheduled: 3, held: 7, cancelled: 0 })).toEqual({
      scheduled: null,
      held: 7,
      cancelled: 0,
    });
  });
});
