// Answers sent to an instrument, checked into a response the engine can score, or a 400 naming the item.

import type { Instrument } from "../../core/instruments/instrument.ts";
import type { ValidResponse } from "../../core/instruments/response.ts";
import { validateResponse } from "../../core/instruments/response-validation.ts";
import { type ScoreReport, scoreResponse } from "../../core/instruments/scoring.ts";
import { DomainError } from "../../core/shared/domain-error.ts";

/** A checked and scored answer set for one instrument, ready to store. */
export interface ScoredAnswers {
  readonly instrument: Instrument;
  readonly response: ValidResponse;
  readonly report: ScoreReport;
}

/**
 * Checks `answers` against the latest version of `instrument` and scores them. Throws a 400
 * (`validation_failed`) whose field is `field.itemId` for the first bad item, e.g. `body.answers.bond-1`.
 */
export function scoredAnswers(instrument: Instrument, answers: unknown, field: string): ScoredAnswers {
  if (typeof answers !== "object" || answers === null || Array.isArray(answers)) {
    throw new DomainError("validation_failed", `The answers to ${instrument.id} must be an object.`, field);
  }
  const checked = validateResponse(instrument, {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answers: answers as Record<string, unknown>,
  });
  if (!checked.ok) {
    const [first] = checked.error;
    throw new DomainError(
      "validation_failed",
      checked.error.map((issue) => issue.message).join(" "),
      first?.itemId ? `${field}.${first.itemId}` : field,
    );
  }
  return { instrument, response: checked.value, report: scoreResponse(instrument, checked.value) };
}

/**
 * Checks the answers to further instruments sent as `{ instrumentId: answers }` in `body.more`: each key
 * must be one of `asked`, each answer set valid. Any of them may be left out.
 */
export function scoredMore(
  asked: readonly Instrument[],
  more: Readonly<Record<string, unknown>> | undefined,
): ScoredAnswers[] {
  const scored: ScoredAnswers[] = [];
  for (const [id, answers] of Object.entries(more ?? {})) {
    const instrument = asked.find((candidate) => candidate.id === id);
    if (!instrument) {
      throw new DomainError("validation_failed", `This form does not ask ${id}.`, `body.more.${id}`);
    }
    scored.push(scoredAnswers(instrument, answers, `body.more.${id}`));
  }
  return scored;
}
