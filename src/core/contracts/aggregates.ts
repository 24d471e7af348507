// Small-group suppression: a count about fewer than five people is withheld from those who may see only totals.

/**
 * Aggregates shown to people without access to the records themselves cover at least this many
 * people (DESIGN.md §1: "aggregates only over ≥ 5 people"), so that no one can be singled out.
 */
export const MIN_GROUP_SIZE = 5;

/** `count` itself when zero or at least `MIN_GROUP_SIZE`; otherwise null, meaning "fewer than five". */
export function suppressSmallCount(count: number): number | null {
  return count === 0 || count >= MIN_GROUP_SIZE ? count : null;
}

/** Applies `suppressSmallCount` to every value of a record of counts. */
export function suppressSmallCounts<K extends string>(
  counts: Readonly<Record<K, number>>,
): Record<K, number | null> {
  const result = {} as Record<K, number | null>;
  for (const key of Object.keys(counts) as K[]) result[key] = suppressSmallCount(counts[key]);
  return result;
}
