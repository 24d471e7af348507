// The rating-link endpoints: what a link asks, and the coachee's answers (no account needed).
import { api } from "../api.ts";
import type { AnswerValue, RatingForm, RatingScores } from "../types.ts";

function ratingPath(token: string): string {
  return `/api/ratings/${encodeURIComponent(token)}`;
}

/** 410 `link_invalid` when unknown, used or expired; 409 `conflict` when the session was cancelled. */
export function fetchRatingForm(token: string): Promise<RatingForm> {
  return api.get<RatingForm>(ratingPath(token));
}

/** 400 `validation_failed` names the item (`body.answers.<itemId>`); a repeated identical submit is 200. */
export function submitRating(token: string, answers: Record<string, AnswerValue>): Promise<RatingScores> {
  return api.post<RatingScores>(ratingPath(token), { answers });
}
