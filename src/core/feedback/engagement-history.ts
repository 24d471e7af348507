// What the feedback rules read about one engagement: its held sessions with their ratings and screens.

import type { EngagementId, IsoInstant, SessionId } from "../shared/brand.ts";

/**
 * The coachee's Alliance Check for one session, as scored by the instrument engine (prorated where it
 * allows). Every construct 0–10 (the subscale means); the total 0–40 (the instrument's seven items,
 * 0–70, rescaled to 0–40: see `ALLIANCE_CHECK` in src/core/instruments).
 */
export interface AllianceCheckScores {
  readonly total0to40: number;
  /** Agreement on goals, 0–10. */
  readonly goals0to10: number;
  /** Agreement on tasks (the approach), 0–10. */
  readonly tasks0to10: number;
  /** Bond, 0–10. */
  readonly bond0to10: number;
  /** Overall, 0–10. */
  readonly overall0to10: number;
}

/** One side-effect category the coachee ticked on the side-effects check (M11). */
export interface SideEffectReport {
  /** The category's stable id in the instrument, e.g. `beyond_coaching`. */
  readonly categoryId: string;
  /** Its plain-language label in the coach's language, shown in the alert's reason. */
  readonly label: string;
}

/** The opt-in wellbeing screen: PHQ-2 and GAD-2 totals, each 0–6 (two items scored 0–3). */
export interface WellbeingScreen {
  readonly phq2: number;
  readonly gad2: number;
}

/** One held session of the engagement (cancelled and scheduled sessions are left out by the caller). */
export interface HeldSession {
  readonly sessionId: SessionId;
  /** 1-based position of the session in the engagement, as shown to people ("session 4"). */
  readonly sessionNumber: number;
  readonly heldAt: IsoInstant;
  /** The coachee's Alliance Check; null while there is none (not rated yet, or never). */
  readonly alliance: AllianceCheckScores | null;
  /**
   * When the coachee's chance to rate this session ended (the rating link's expiry) or ends. A session
   * without a rating counts as "missed" only once this instant has passed; before, it is pending.
   */
  readonly ratingClosesAt: IsoInstant;
  /** The coach's prediction of the coachee's Alliance Check total (coach mirror), 0–40; null if not given. */
  readonly coachPrediction0to40: number | null;
  /** Categories ticked on the side-effects check; `[]` when it was given and none ticked; null when not given. */
  readonly sideEffectsReported: readonly SideEffectReport[] | null;
  /** The wellbeing screen; null when it was not given (it is opt-in per engagement). */
  readonly wellbeing: WellbeingScreen | null;
}

/** Everything the rules need about one engagement. */
export interface EngagementHistory {
  readonly engagementId: EngagementId;
  /** How the coachee is named to the coach in alert texts, e.g. "Sam". */
  readonly coacheeName: string;
  /** Held sessions in any order; the rules order them by `sessionNumber`. */
  readonly sessions: readonly HeldSession[];
}

/** The sessions in the order they were held: by session number, then time held, then id. */
export function inOrder(sessions: readonly HeldSession[]): HeldSession[] {
  return [...sessions].sort(
    (a, b) =>
      a.sessionNumber - b.sessionNumber ||
      compareText(a.heldAt, b.heldAt) ||
      compareText(a.sessionId, b.sessionId),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A rated session with its rating, for the rules that read ratings. */
export interface RatedSession {
  readonly session: HeldSession;
  readonly alliance: AllianceCheckScores;
}

/** The rated sessions, oldest first. */
export function ratedSessions(ordered: readonly HeldSession[]): RatedSession[] {
  const rated: RatedSession[] = [];
  for (const session of ordered) {
    if (session.alliance !== null) rated.push({ session, alliance: session.alliance });
  }
  return rated;
}
