// Responses to an instrument: what arrives from a respondent, and the checked form that scoring accepts.

import type { Brand } from "../shared/brand.ts";

/** A stored answer: an option code (choice), a whole number (scale), text, or yes/no (boolean). */
export type AnswerValue = string | number | boolean;

/**
 * A response as it arrives, before validation. `answers` maps item ids to values; `null`, `undefined`
 * and blank text count as "not answered".
 */
export interface ResponseInput {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly answers: Readonly<Record<string, unknown>>;
}

/**
 * A response checked against the instrument and version it names (`validateResponse`): every answer
 * belongs to a shown item and has the right type and range; answers to hidden items are dropped.
 */
export type ValidResponse = Brand<
  {
    readonly instrumentId: string;
    readonly instrumentVersion: string;
    readonly answers: Readonly<Record<string, AnswerValue>>;
  },
  "ValidResponse"
>;

/** Answered values by item id, read safely (only own properties count). */
export function answerOf(
  answers: Readonly<Record<string, AnswerValue>>,
  itemId: string,
): AnswerValue | undefined {
  return Object.hasOwn(answers, itemId) ? answers[itemId] : undefined;
}
