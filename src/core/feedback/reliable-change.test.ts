import { describe, expect, it } from "vitest";
import { isReliableChange, reliableChangeIndex, standardErrorOfDifference } from "./reliable-change.ts";

describe("standardErrorOfDifference", () => {
  it("is SD·√2·√(1 − r) (Jacobson & Truax 1991), hand-computed", () => {
    // 4 · 1.414214 · √0.12 (0.346410) = 1.959592
    expect(standardErrorOfDifference(4, 0.88)).toBeCloseTo(1.959592, 6);
    // 5 · √2 · √0.1 = 5 · √0.2 = √5 = 2.236068
    expect(standardErrorOfDifference(5, 0.9)).toBeCloseTo(2.236068, 6);
    // 1 · √2 · √0.5 = 1, exactly
    expect(standardErrorOfDifference(1, 0.5)).toBe(1);
    expect(standardErrorOfDifference(1, 0.5)).toBeCloseTo(1 * Math.SQRT2 * Math.sqrt(0.5), 12);
  });
});

describe("reliableChangeIndex", () => {
  it.each([
    // before, after, SD, r, RC by hand, reliable
    [36, 32, 4, 0.88, -2.041241, true], // −4 / 1.959592
    [36, 33, 4, 0.88, -1.530931, false], // −3 / 1.959592
    [38, 37, 4, 0.88, -0.51031, false], // −1 / 1.959592
    [30, 35, 5, 0.9, 2.236068, true], // +5 / 2.236068
    [35, 31, 5, 0.9, -1.788854, false], // −4 / 2.236068
  ])("from %d to %d with SD %d and r %d is %d (reliable: %s)", (before, after, sd, r, rc, reliable) => {
    const value = reliableChangeIndex(before, after, sd, r);
    expect(value).toBeCloseTo(rc, 5);
    expect(isReliableChange(value)).toBe(reliable);
  });

  it("calls a change reliable only when |RC| is strictly above 1.96", () => {
    // S_diff = 1, so RC equals the change itself.
    expect(reliableChangeIndex(1.96, 0, 1, 0.5)).toBe(-1.96);
    expect(isReliableChange(reliableChangeIndex(1.96, 0, 1, 0.5))).toBe(false);
    expect(isReliableChange(reliableChangeIndex(1.97, 0, 1, 0.5))).toBe(true);
    expect(isReliableChange(reliableChangeIndex(1.95, 0, 1, 0.5))).toBe(false);
    expect(isReliableChange(-1.96)).toBe(false);
    expect(isReliableChange(1.96)).toBe(false);
    expect(isReliableChange(-1.97)).toBe(true);
    expect(isReliableChange(1.9600001)).toBe(true);
    expect(isReliableChange(-1.95)).toBe(false);
  });
});
