// Small-group suppression: totals are shown to those who may see only totals when they cover at least five people.

/**
 * Aggregates shown to people without access to the records themselves cover at least this many
 * people (DESIGN.md §1: "aggregates only over ≥ 5 people"), so that no one can be singled out.
 */
export const MIN_GROUP_SIZE = 5;

/**
 * Whether totals over a group of `groupSize` people may be shown to someone who may see only totals.
 * `partSizes` are the sizes of the group's parts whose own totals can also be asked for (the
 * programmes of an organization): if any of them is small, showing the whole would let the small
 * part be worked out by subtracting the others, so the whole is withheld too.
 */
export function totalsMayBeShown(groupSize: number, partSizes: readonly number[] = []): boolean {
  return groupSize >= MIN_GROUP_SIZE && partSizes.every((size) => size === 0 || size >= MIN_GROUP_SIZE);
}

/** Every count of a record replaced by null: "withheld". */
export function withheld<K extends string>(counts: Readonly<Record<K, number>>): Record<K, null> {
  const result = {} as Record<K, null>;
  for (const key of Object.keys(counts) as K[]) result[key] = null;
  return result;
}
