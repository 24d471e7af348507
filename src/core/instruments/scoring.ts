// Scoring of a checked response: item scores, reverse keys, subscale and total sums or means, proration, rescaling.

import { assertNever } from "../shared/brand.ts";
import { shownItemIds } from "./enable-when.ts";
import type { Instrument, Rescale, ScaleMethod, ScoredItem } from "./instrument.ts";
import { isScoredItem } from "./instrument.ts";
import { type AnswerValue, answerOf, type ValidResponse } from "./response.ts";

/**
 * The missing-data rule: a (sub)scale is scored, prorated, when at most this share of its shown scored
 * items is unanswered (20 %: one item in five); above it the scale has no score.
 *
 * Rationale: with one item in five missing, the respondent's own answers still carry the scale and
 * proration (filling each gap with the respondent's own mean) moves the score little; beyond that the
 * score would rest on the filling rather than on answers. A two-item subscale is therefore never
 * prorated (one missing item is 50 %). Source: the project's rule (issue 3, DESIGN.md §3); kept as an
 * exact fraction so that "exactly 20 %" is never lost to floating point.
 */
export const PRORATION_MAX_MISSING = { numerator: 1, denominator: 5 } as const;

/** An inclusive range of scores. */
export interface ScoreRange {
  readonly min: number;
  readonly max: number;
}

/** One scored item: `raw` is the answer as a number (the option's score for a choice), `score` after reverse keying. */
export type ItemScore =
  | { readonly itemId: string; readonly status: "scored"; readonly raw: number; readonly score: number }
  | { readonly itemId: string; readonly status: "missing" }
  | { readonly itemId: string; readonly status: "hidden" };

/** The score of a subscale or total. */
export type ScaleScore =
  | {
      readonly status: "scored";
      /** The score, after rescaling when the scale is rescaled. */
      readonly value: number;
      readonly range: ScoreRange;
      /** True when missing items were filled in by the missing-data rule. */
      readonly prorated: boolean;
      readonly answered: number;
      readonly missing: number;
      /** The sum or mean before rescaling, when rescaled. */
      readonly unscaled: { readonly value: number; readonly range: ScoreRange } | null;
    }
  | {
      /** More than 20 % of the shown items unanswered: no score (see `PRORATION_MAX_MISSING`). */
      readonly status: "too_many_missing";
      readonly answered: number;
      readonly missing: number;
    }
  | {
      /** Every item of the scale was hidden by conditional display. */
      readonly status: "not_shown";
    };

export interface SubscaleScore {
  readonly id: string;
  readonly method: ScaleMethod;
  readonly score: ScaleScore;
}

export interface ScoreReport {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  /** Every scored item, in instrument order (text items are not scored). */
  readonly items: readonly ItemScore[];
  readonly subscales: readonly SubscaleScore[];
  readonly total: ScaleScore | null;
}

/**
 * Scores a validated response.
 *
 * - Item score: a scale item's answer, a choice option's `score`, or 1 for yes and 0 for no; reverse
 *   keyed items score `min + max − raw` over the item's range.
 * - Hidden items are left out of every scale: neither missing nor part of its range.
 * - Missing data: a scale with at most 20 % of its shown items unanswered is prorated — each missing
 *   item takes the respondent's mean proportion of the answered items' ranges (for items of equal range
 *   this is the usual "mean of answered items × number of items") — otherwise it has no score.
 * - Sum or mean over the scale's shown items; a rescaled total maps its range linearly onto
 *   `rescale.min…rescale.max` (e.g. seven 0–10 items: 0–70 → 0–40).
 *
 * Scores are not rounded. Throws when `response` belongs to another instrument or version, or when a
 * score falls outside its range (both are bugs).
 */
export function scoreResponse(instrument: Instrument, response: ValidResponse): ScoreReport {
  if (response.instrumentId !== instrument.id || response.instrumentVersion !== instrument.version) {
    throw new Error(
      `Response for ${response.instrumentId} ${response.instrumentVersion} scored with ${instrument.id} ${instrument.version}.`,
    );
  }
  const shown = shownItemIds(instrument, response.answers);
  const items = new Map<string, ItemScore>();
  const byId = new Map<string, ScoredItem>();
  for (const item of instrument.items) {
    if (!isScoredItem(item)) continue;
    byId.set(item.id, item);
    if (!shown.has(item.id)) {
      items.set(item.id, { itemId: item.id, status: "hidden" });
      continue;
    }
    const answer = answerOf(response.answers, item.id);
    if (answer === undefined) {
      items.set(item.id, { itemId: item.id, status: "missing" });
      continue;
    }
    const raw = rawScore(item, answer);
    const range = itemRange(item);
    const score = item.reversed ? range.min + range.max - raw : raw;
    items.set(item.id, { itemId: item.id, status: "scored", raw, score });
  }

  const scale = (ids: readonly string[], method: ScaleMethod, rescale: Rescale | undefined): ScaleScore => {
    const members = ids.map((id) => {
      const item = byId.get(id);
      const score = items.get(id);
      if (item === undefined || score === undefined)
        throw new Error(`Scale of ${instrument.id} names "${id}", not a scored item.`);
      return { range: itemRange(item), score };
    });
    return scoreScale(members, method, rescale);
  };

  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    items: [...items.values()],
    subscales: instrument.subscales.map((subscale) => ({
      id: subscale.id,
      method: subscale.method,
      score: scale(subscale.items, subscale.method, undefined),
    })),
    total:
      instrument.scoring.total === null
        ? null
        : scale(
            instrument.scoring.total.items,
            instrument.scoring.total.method,
            instrument.scoring.total.rescale,
          ),
  };
}

/** The range of an item's score: min–max for a scale, the lowest to highest option score, 0–1 for yes/no. */
export function itemRange(item: ScoredItem): ScoreRange {
  switch (item.kind) {
    case "scale":
      return { min: item.min, max: item.max };
    case "choice": {
      const scores = item.options.map((option) => option.score);
      return { min: Math.min(...scores), max: Math.max(...scores) };
    }
    case "boolean":
      return { min: 0, max: 1 };
    default:
      return assertNever(item);
  }
}

/** The range of a sum or mean over items with these ranges. */
export function scaleRange(ranges: readonly ScoreRange[], method: ScaleMethod): ScoreRange {
  const min = ranges.reduce((total, range) => total + range.min, 0);
  const max = ranges.reduce((total, range) => total + range.max, 0);
  switch (method) {
    case "sum":
      return { min, max };
    case "mean":
      return ranges.length === 0
        ? { min: 0, max: 0 }
        : { min: min / ranges.length, max: max / ranges.length };
    default:
      return assertNever(method);
  }
}

/** Whether `missing` of `shown` items is within the missing-data rule (at most 20 %). */
export function withinMissingRule(missing: number, shown: number): boolean {
  return missing * PRORATION_MAX_MISSING.denominator <= shown * PRORATION_MAX_MISSING.numerator;
}

function rawScore(item: ScoredItem, answer: AnswerValue): number {
  switch (item.kind) {
    case "scale":
      if (typeof answer !== "number")
        throw new Error(`Item "${item.id}" holds ${typeof answer}, not a number.`);
      return answer;
    case "choice": {
      const option = item.options.find((candidate) => candidate.code === answer);
      if (option === undefined)
        throw new Error(`Item "${item.id}" holds an unknown option ${String(answer)}.`);
      return option.score;
    }
    case "boolean":
      if (typeof answer !== "boolean")
        throw new Error(`Item "${item.id}" holds ${typeof answer}, not a boolean.`);
      return answer ? 1 : 0;
    default:
      return assertNever(item);
  }
}

function scoreScale(
  members: readonly { readonly range: ScoreRange; readonly score: ItemScore }[],
  method: ScaleMethod,
  rescale: Rescale | undefined,
): ScaleScore {
  const shown = members.filter((member) => member.score.status !== "hidden");
  if (shown.length === 0) return { status: "not_shown" };
  const answered: { range: ScoreRange; score: number }[] = [];
  for (const member of shown) {
    if (member.score.status === "scored") answered.push({ range: member.range, score: member.score.score });
  }
  const missing = shown.length - answered.length;
  if (!withinMissingRule(missing, shown.length) || answered.length === 0) {
    return { status: "too_many_missing", answered: answered.length, missing };
  }
  // Proration: each missing item takes the mean proportion of its range that the answered items reached.
  const proportion =
    answered.reduce(
      (total, { range, score }) =>
        total + (range.max === range.min ? 0 : (score - range.min) / (range.max - range.min)),
      0,
    ) / answered.length;
  let sum = answered.reduce((total, { score }) => total + score, 0);
  for (const member of shown) {
    if (member.score.status === "missing")
      sum += member.range.min + proportion * (member.range.max - member.range.min);
  }
  const range = scaleRange(
    shown.map((member) => member.range),
    method,
  );
  const value = inRange(method === "sum" ? sum : sum / shown.length, range);
  const common = { status: "scored", prorated: missing > 0, answered: answered.length, missing } as const;
  if (rescale === undefined) return { ...common, value, range, unscaled: null };
  const target = { min: rescale.min, max: rescale.max };
  const span = range.max - range.min;
  const rescaled =
    span === 0 ? target.min : target.min + ((value - range.min) * (target.max - target.min)) / span;
  return { ...common, value: inRange(rescaled, target), range: target, unscaled: { value, range } };
}

/** A range check: floating-point noise is clamped away; anything more is a bug. */
function inRange(value: number, range: ScoreRange): number {
  const tolerance = 1e-9 * Math.max(1, Math.abs(range.min), Math.abs(range.max));
  if (!Number.isFinite(value) || value < range.min - tolerance || value > range.max + tolerance) {
    throw new Error(`Score ${value} outside its range ${range.min}–${range.max}.`);
  }
  return Math.min(range.max, Math.max(range.min, value));
}
