// Does a match component predict the early alliance? For each component (background similarity, gender
// match, style fit, …): the correlation between its value when the pair was matched and the coachee's
// mean Alliance Check total over sessions 1–3, with a 95 % confidence interval and n — the programme's
// own test of M9. Below a minimum n the answer is "not enough data yet".

/**
 * The early alliance: sessions 1 to this. The evidence reads it, and a re-match stays cheap while no
 * more sessions than this are held.
 */
export const EARLY_SESSIONS = 3;

/** Fewer pairs than this and the 95 % interval of r spans most of −1…1 (at n = 20 and r = 0: ±0.44). */
export const MIN_PAIRS_FOR_EVIDENCE = 20;

/** The z of a two-sided 95 % interval. */
const Z_95 = 1.959964;

export interface MatchedPair {
  readonly components: readonly { readonly component: string; readonly value: number }[];
  /** The mean Alliance Check total (0–40) over sessions 1–3. */
  readonly earlyAlliance: number;
}

export type ComponentEvidence =
  | { readonly component: string; readonly n: number; readonly status: "not_enough_data" | "no_variation" }
  | {
      readonly component: string;
      readonly n: number;
      readonly status: "estimated";
      /** Pearson's r between the component's value and the early alliance. */
      readonly r: number;
      /** 95 % confidence interval of r (Fisher's z). */
      readonly low: number;
      readonly high: number;
    };

/** Pearson's r, or null when either variable does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  if (xs.every((x) => x === xs[0]) || ys.every((y) => y === ys[0])) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** The 95 % interval of r from n pairs by Fisher's z transformation (n ≥ 4). */
export function fisherInterval(r: number, n: number): { low: number; high: number } {
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, r)));
  const half = Z_95 / Math.sqrt(n - 3);
  return { low: Math.tanh(z - half), high: Math.tanh(z + half) };
}

/** The evidence for every component that appears in the pairs, in order of first appearance. */
export function matchEvidence(
  pairs: readonly MatchedPair[],
  minimum = MIN_PAIRS_FOR_EVIDENCE,
): ComponentEvidence[] {
  const names: string[] = [];
  for (const pair of pairs)
    for (const c of pair.components) if (!names.includes(c.component)) names.push(c.component);
  return names.map((component) => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const pair of pairs) {
      const found = pair.components.find((c) => c.component === component);
      if (found === undefined) continue;
      xs.push(found.value);
      ys.push(pair.earlyAlliance);
    }
    const n = xs.length;
    if (n < Math.max(minimum, 4)) return { component, n, status: "not_enough_data" };
    const r = pearson(xs, ys);
    if (r === null) return { component, n, status: "no_variation" };
    return { component, n, status: "estimated", r, ...fisherInterval(r, n) };
  });
}
