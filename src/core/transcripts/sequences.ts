// Lag-1 sequential analysis: how one speaker's behaviour is followed by the other's in the next turn.
// Each pair of consecutive turns by different speakers is counted in a 2×2 table (antecedent yes/no ×
// consequent yes/no), summarised by Yule's Q and the adjusted residual of the yes→yes cell (Bakeman &
// Quera, Sequential Analysis and Observational Methods, 2011).

import { roundTo } from "../shared/numbers.ts";

export interface TwoByTwo {
  /** yes → yes */
  readonly a: number;
  /** yes → no */
  readonly b: number;
  /** no → yes */
  readonly c: number;
  /** no → no */
  readonly d: number;
}

export interface Association {
  readonly table: TwoByTwo;
  readonly n: number;
  /** Yule's Q = (ad − bc) / (ad + bc), in [−1, 1]; null when ad + bc = 0. */
  readonly yulesQ: number | null;
  /** Adjusted residual of the yes→yes cell; |z| > 1.96 is beyond chance at 5 %; null when undefined. */
  readonly z: number | null;
}

export function tabulate<T>(
  pairs: readonly (readonly [T, T])[],
  yesBefore: (t: T) => boolean,
  yesAfter: (t: T) => boolean,
): TwoByTwo {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (const [before, after] of pairs) {
    const x = yesBefore(before);
    const y = yesAfter(after);
    if (x && y) a++;
    else if (x) b++;
    else if (y) c++;
    else d++;
  }
  return { a, b, c, d };
}

export function associationOf(table: TwoByTwo): Association {
  const { a, b, c, d } = table;
  const n = a + b + c + d;
  const cross = a * d + b * c;
  const yulesQ = cross === 0 ? null : roundTo((a * d - b * c) / cross);
  const row = a + b;
  const column = a + c;
  const expected = n === 0 ? 0 : (row * column) / n;
  const variance = n === 0 ? 0 : expected * (1 - row / n) * (1 - column / n);
  const z = variance > 0 ? roundTo((a - expected) / Math.sqrt(variance)) : null;
  return { table, n, yulesQ, z };
}
