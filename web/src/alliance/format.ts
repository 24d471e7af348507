// Scores for people: at most two decimals, no trailing zeros (12, 3.5, 22.86), as the alert reasons write them.

export function formatScore(value: number): string {
  return String(Number(value.toFixed(2)));
}
