// Accuracy of the utterance coder against hand labels: per-code precision, recall and F1, a confusion
// matrix, and macro-F1 (the mean F1 over the classes, each class counting the same).

import { roundTo } from "../shared/numbers.ts";

export interface ClassScore {
  readonly label: string;
  /** How many hand labels had this label. */
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Evaluation {
  readonly labels: readonly string[];
  /** matrix[i][j]: hand label `labels[i]`, coded `labels[j]`. */
  readonly matrix: readonly (readonly number[])[];
  readonly scores: readonly ClassScore[];
  /** Mean F1 over the labels that occur in the hand labels. */
  readonly macroF1: number;
  readonly accuracy: number;
  readonly n: number;
}

/** Evaluates `pairs` of [hand label, coded label] over `labels` (labels outside the list are ignored). */
export function evaluate(
  labels: readonly string[],
  pairs: readonly (readonly [string, string])[],
): Evaluation {
  const index = new Map(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let n = 0;
  let correct = 0;
  for (const [truth, coded] of pairs) {
    const i = index.get(truth);
    const j = index.get(coded);
    if (i === undefined || j === undefined) continue;
    const row = matrix[i];
    if (row) row[j] = (row[j] ?? 0) + 1;
    n++;
    if (i === j) correct++;
  }
  const scores = labels.map((label, i) => {
    const tp = matrix[i]?.[i] ?? 0;
    const support = (matrix[i] ?? []).reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((sum, row) => sum + (row[i] ?? 0), 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, support, precision: roundTo(precision), recall: roundTo(recall), f1: roundTo(f1) };
  });
  const present = scores.filter((s) => s.support > 0);
  const macroF1 =
    present.length === 0 ? 0 : roundTo(present.reduce((sum, s) => sum + s.f1, 0) / present.length);
  return { labels, matrix, scores, macroF1, accuracy: n === 0 ? 0 : roundTo(correct / n), n };
}
