import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluation.ts";

describe("coder evaluation", () => {
  it("computes precision, recall, F1, macro-F1 and the confusion matrix on a hand-worked example", () => {
    // Truth a a a b b c; coded a a b b c c.
    const result = evaluate(
      ["a", "b", "c"],
      [
        ["a", "a"],
        ["a", "a"],
        ["a", "b"],
        ["b", "b"],
        ["b", "c"],
        ["c", "c"],
      ],
    );
    expect(result.matrix).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    // a: P 2/2, R 2/3, F1 0.8; b: P 1/2, R 1/2, F1 0.5; c: P 1/2, R 1, F1 2/3.
    expect(result.scores.map((s) => [s.label, s.precision, s.recall, s.f1])).toEqual([
      ["a", 1, 0.667, 0.8],
      ["b", 0.5, 0.5, 0.5],
      ["c", 0.5, 1, 0.667],
    ]);
    expect(result.macroF1).toBe(0.656);
    expect(result.accuracy).toBe(0.667);
    expect(result.n).toBe(6);
  });

  it("leaves labels without hand examples out of macro-F1 and ignores unknown labels", () => {
    const result = evaluate(
      ["a", "b"],
      [
        ["a", "a"],
        ["x", "a"],
      ],
    );
    expect(result.n).toBe(1);
    expect(result.macroF1).toBe(1);
  });
});
