// The reliable change index (Jacobson & Truax 1991): is a change between two ratings larger than measurement error?

import { RELIABLE_CHANGE_Z } from "./constants.ts";

/**
 * Standard error of the difference between two scores, in the scale's points:
 * S_diff = SD·√2·√(1 − r) (Jacobson & Truax 1991), computed as SD·√(2(1 − r)), the same value.
 * `sd` > 0 in points; `reliability` r in [0, 1).
 */
export function standardErrorOfDifference(sd: number, reliability: number): number {
  return sd * Math.sqrt(2 * (1 - reliability));
}

/**
 * RC = (x₂ − x₁) / S_diff: negative for a drop. `before` and `after` in the scale's points.
 */
export function reliableChangeIndex(before: number, after: number, sd: number, reliability: number): number {
  return (after - before) / standardErrorOfDifference(sd, reliability);
}

/** Whether |RC| > 1.96 (strictly): the change is unlikely (p < .05) to be measurement error alone. */
export function isReliableChange(rc: number): boolean {
  return Math.abs(rc) > RELIABLE_CHANGE_Z;
}
