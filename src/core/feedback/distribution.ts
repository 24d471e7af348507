// The distribution of engagements' latest Alliance Check totals, for a programme admin: counts per band only.

import { median } from "../shared/numbers.ts";

/** Bands of the 0–40 total, upper bounds exclusive except the last; 36 is the weak-alliance cut-off. */
export const DISTRIBUTION_BANDS = [
  { id: "0-19", min: 0, max: 20 },
  { id: "20-29", min: 20, max: 30 },
  { id: "30-35", min: 30, max: 36 },
  { id: "36-40", min: 36, max: 40.0001 },
] as const;

export type BandId = (typeof DISTRIBUTION_BANDS)[number]["id"];

export interface Distribution {
  /** Engagements counted (each with its latest total). */
  readonly engagements: number;
  readonly bands: Record<BandId, number>;
  /** Engagements whose latest total is below `cutoff`. */
  readonly belowCutoff: number;
  readonly median: number | null;
}

/**
 * Counts each engagement's latest total into bands. Pure: the caller decides (with the small-group
 * rule in contracts/aggregates.ts) whether the result may be shown at all.
 */
export function distributionOf(latestTotals: readonly number[], cutoff: number): Distribution {
  const bands = Object.fromEntries(DISTRIBUTION_BANDS.map((band) => [band.id, 0])) as Record<BandId, number>;
  for (const total of latestTotals) {
    const band = DISTRIBUTION_BANDS.find((b) => total >= b.min && total < b.max);
    if (band) bands[band.id]++;
  }
  return {
    engagements: latestTotals.length,
    bands,
    belowCutoff: latestTotals.filter((total) => total < cutoff).length,
    median: median(latestTotals),
  };
}
