// The Coach mirror of one session: the coach's own view of the alliance and their prediction of the
// coachee's total.
import { api, orgPath } from "../api.ts";
import type { AnswerValue, MirrorForm, MirrorScores } from "../types.ts";

/** The instrument and the coach's answers if already given; 404 for anyone but the session's coach. */
export function fetchMirror(orgId: string, sessionId: string): Promise<MirrorForm> {
  return api.get<MirrorForm>(orgPath(orgId, "sessions", sessionId, "mirror"));
}

/**
 * Only for a held session, once (409 otherwise); 400 `validation_failed` names the item
 * (`body.answers.<item>`).
 */
export function submitMirror(
  orgId: string,
  sessionId: string,
  answers: Record<string, AnswerValue>,
  more: Record<string, Record<string, AnswerValue>> = {},
): Promise<MirrorScores> {
  return api.post<MirrorScores>(orgPath(orgId, "sessions", sessionId, "mirror"), { answers, more });
}
