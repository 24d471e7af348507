import { describe, expect, it } from "vitest";
import { fisherInterval, MIN_PAIRS_FOR_EVIDENCE, matchEvidence, pearson } from "./evidence.ts";

describe("match evidence", () => {
  it("computes Pearson's r as by hand", () => {
    // x = 1..5, y = 2, 4, 5, 4, 5: mean x 3, mean y 4; Sxy = 6, Sxx = 10, Syy = 6 → r = 6 / √60.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it("gives Fisher's 95 % interval", () => {
    // r = 0.5, n = 28: z = 0.549306, se = 0.2; z ± 0.391993 = 0.157313 … 0.941299 → tanh → 0.1560 … 0.7358.
    const { low, high } = fisherInterval(0.5, 28);
    expect(low).toBeCloseTo(0.156, 3);
    expect(high).toBeCloseTo(0.7358, 3);
  });

  it("estimates each component from enough pairs, and says when there are too few or no variation", () => {
    const pairs = Array.from({ length: MIN_PAIRS_FOR_EVIDENCE }, (_, i) => ({
      components: [
        { component: "background", value: i % 2 },
        { component: "style", value: 0.8 },
        ...(i < 5 ? [{ component: "gender", value: 1 }] : []),
      ],
      earlyAlliance: 30 + (i % 2) * 4 + (i % 3),
    }));
    const [background, style, gender] = matchEvidence(pairs);
    expect(background).toMatchObject({ component: "background", n: 20, status: "estimated" });
    if (background?.status !== "estimated") throw new Error("expected an estimate");
    expect(background.r).toBeGreaterThan(0.7);
    expect(background.low).toBeLessThan(background.r);
    expect(background.high).toBeGreaterThan(background.r);
    expect(style).toEqual({ component: "style", n: 20, status: "no_variation" });
    expect(gender).toEqual({ component: "gender", n: 5, status: "not_enough_data" });
    expect(matchEvidence(pairs.slice(0, 19))[0]).toEqual({
      component: "background",
      n: 19,
      status: "not_enough_data",
    });
  });
});
