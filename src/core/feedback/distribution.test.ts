import { describe, expect, it } from "vitest";
import { distributionOf } from "./distribution.ts";

describe("distributionOf", () => {
  it("counts latest totals into bands, below the cut-off, with the median", () => {
    expect(distributionOf([12, 28, 35.9, 36, 40], 36)).toEqual({
      engagements: 5,
      bands: { "0-19": 1, "20-29": 1, "30-35": 1, "36-40": 2 },
      belowCutoff: 3,
      median: 35.9,
    });
    expect(distributionOf([30, 38], 36).median).toBe(34);
    expect(distributionOf([], 36)).toMatchObject({ engagements: 0, median: null, belowCutoff: 0 });
  });
});
