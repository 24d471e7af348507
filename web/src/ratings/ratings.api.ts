// The rating-link endpoints: what a link asks, and the coachee's answers (no account needed).
import { api } from "../api.ts";
import type { AnswerValue, RatingForm, RatingSubmitted } from "../types.ts";

function ratingPath(token: string): string {
  return `/api/ratings/${encodeURIComponent(token)}`;
}

/** 410 `link_invalid` when unknown, used or expired; 409 `conflict` when the session was cancelled. */
export function fetchRatingForm(token: string): Promise<RatingForm> {
  return api.get<RatingForm>(ratingPath(token));
}

type Answers = Record<string, AnswerValue>;

/**
 * Sends the Alliance Check and any further check-ins answered (`more`, by instrument id). 400
 * `validation_failed` names the item (`body.answers.<itemId>`, `body.more.<instrumentId>.<itemId>`); a
 * repeated identical submit is 200.
 */
export function submitRating(
  token: string,
  answers: Answers,
  more: Record<string, Answers> = {},
): Promise<RatingSubmitted> {
  return api.post<RatingSubmitted>(ratingPath(token), { answers, more });
}
