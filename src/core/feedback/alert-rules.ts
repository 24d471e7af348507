// The feedback rules: pure functions from an engagement's held sessions and the programme's settings to alerts.

import type { IsoInstant } from "../shared/brand.ts";
import { type Alert, type AlertSeverity, type SessionRef, toAlert } from "./alert.ts";
import { GAD2_POSITIVE_AT, PHQ2_POSITIVE_AT } from "./constants.ts";
import {
  type AllianceCheckScores,
  type EngagementHistory,
  type HeldSession,
  inOrder,
  ratedSessions,
} from "./engagement-history.ts";
import type { FeedbackSettings } from "./feedback-settings.ts";
import { isReliableChange, reliableChangeIndex } from "./reliable-change.ts";

/**
 * A rule: looks at the engagement as it stands at `at` and returns its alert, or null. Each rule reads the
 * most recent session that carries its data (the latest rating, side-effects check or wellbeing screen),
 * so a rating that arrives after the next session was held still raises its alerts; re-running a rule on
 * the same data gives the same alert key, so nothing is raised twice.
 */
export type FeedbackRule = (
  history: EngagementHistory,
  settings: FeedbackSettings,
  at: IsoInstant,
) => Alert | null;

function ref(session: HeldSession): SessionRef {
  return { sessionId: session.sessionId, sessionNumber: session.sessionNumber };
}

/**
 * Weak alliance: the latest Alliance Check total is below the programme's cut-off (default 36 of 40;
 * SRS < 36, OpenFIT KA-01028). Exactly at the cut-off does not fire. Severity warning.
 */
export const detectWeakAlliance: FeedbackRule = (history, settings) => {
  const latest = ratedSessions(inOrder(history.sessions)).at(-1);
  if (latest === undefined) return null;
  const total = latest.alliance.total0to40;
  if (!(total < settings.weakAllianceCutoff0to40)) return null;
  return toAlert(history, {
    kind: "weak_alliance",
    session: ref(latest.session),
    total0to40: total,
    cutoff0to40: settings.weakAllianceCutoff0to40,
  });
};

/**
 * Rupture: the latest total dropped by at least the programme's rupture drop (default 1 point of 40;
 * OpenFIT red alert on an SRS drop ≥ 1) from the previous *rated* session (unrated sessions in between are
 * skipped). Flagged reliable when |RC| > 1.96 (Jacobson & Truax 1991) with the programme's SD and r.
 * Severity warning. Needs two ratings.
 */
export const detectRupture: FeedbackRule = (history, settings) => {
  const rated = ratedSessions(inOrder(history.sessions));
  const latest = rated.at(-1);
  const previous = rated.at(-2);
  if (latest === undefined || previous === undefined) return null;
  const before = previous.alliance.total0to40;
  const after = latest.alliance.total0to40;
  const drop = before - after;
  if (!(drop >= settings.ruptureDrop0to40)) return null;
  const rc = reliableChangeIndex(
    before,
    after,
    settings.reliableChangeSd0to40,
    settings.reliableChangeReliability,
  );
  return toAlert(history, {
    kind: "rupture",
    session: ref(latest.session),
    previousSession: ref(previous.session),
    total0to40: after,
    previousTotal0to40: before,
    drop0to40: drop,
    reliableChangeIndex: rc,
    reliable: isReliableChange(rc),
  });
};

/** Mean of the goals and tasks constructs, 0–10. */
export function goalTaskMean(alliance: AllianceCheckScores): number {
  return (alliance.goals0to10 + alliance.tasks0to10) / 2;
}

/**
 * Goal/task agreement falling → "revisit goals together" (M1 renegotiation). Fires on the latest rating
 * when either (a) the goals–tasks mean dropped by at least the programme's goal/task drop (default 1.0 of
 * 10) from the previous rated session, or (b) goals or tasks is below the programme's floor (default 8 of
 * 10; hiboop: check in below about 8–9; floor 0 = off). Exactly at either threshold: (a) fires, (b) does
 * not. Severity info.
 */
export const detectGoalTaskAgreementFalling: FeedbackRule = (history, settings) => {
  const rated = ratedSessions(inOrder(history.sessions));
  const latest = rated.at(-1);
  if (latest === undefined) return null;
  const previous = rated.at(-2);
  const mean = goalTaskMean(latest.alliance);
  const previousMean = previous === undefined ? null : goalTaskMean(previous.alliance);
  const dropped = previousMean !== null && previousMean - mean >= settings.goalTaskDrop0to10;
  const floor = settings.goalTaskFloor0to10;
  const belowFloor = latest.alliance.goals0to10 < floor || latest.alliance.tasks0to10 < floor;
  if (!dropped && !belowFloor) return null;
  return toAlert(history, {
    kind: "goal_task_agreement_falling",
    session: ref(latest.session),
    goals0to10: latest.alliance.goals0to10,
    tasks0to10: latest.alliance.tasks0to10,
    goalTaskMean0to10: mean,
    previous:
      previous === undefined || previousMean === null
        ? null
        : { session: ref(previous.session), goalTaskMean0to10: previousMean },
    dropped,
    belowFloor,
    floor0to10: floor,
  });
};

/**
 * Perception gap: on the latest session with both a rating and the coach's prediction, prediction − total
 * is at least the programme's gap (default 4 of 40). Only over-estimates fire: a coach who expected less
 * than the coachee gave is not a risk signal. Severity info.
 */
export const detectPerceptionGap: FeedbackRule = (history, settings) => {
  const latest = inOrder(history.sessions)
    .filter((s) => s.alliance !== null && s.coachPrediction0to40 !== null)
    .at(-1);
  if (latest?.alliance == null || latest.coachPrediction0to40 === null) return null;
  const predicted = latest.coachPrediction0to40;
  const total = latest.alliance.total0to40;
  const gap = predicted - total;
  if (!(gap >= settings.perceptionGap0to40)) return null;
  return toAlert(history, {
    kind: "perception_gap",
    session: ref(latest),
    predicted0to40: predicted,
    total0to40: total,
    gap0to40: gap,
    threshold0to40: settings.perceptionGap0to40,
  });
};

/**
 * Side effects reported: the latest side-effects check has any category ticked (M11; Graßmann & Schermuly
 * 2016). Severity warning.
 */
export const detectSideEffects: FeedbackRule = (history) => {
  const latest = inOrder(history.sessions)
    .filter((s) => s.sideEffectsReported !== null)
    .at(-1);
  if (latest?.sideEffectsReported == null || latest.sideEffectsReported.length === 0) return null;
  return toAlert(history, {
    kind: "side_effects_reported",
    session: ref(latest),
    categories: latest.sideEffectsReported,
  });
};

/**
 * Wellbeing screen positive: on the latest wellbeing screen, PHQ-2 ≥ 3 or GAD-2 ≥ 3 (Kroenke et al. 2003,
 * 2007; not configurable). Severity urgent.
 */
export const detectWellbeingPositive: FeedbackRule = (history) => {
  const latest = inOrder(history.sessions)
    .filter((s) => s.wellbeing !== null)
    .at(-1);
  if (latest?.wellbeing == null) return null;
  const { phq2, gad2 } = latest.wellbeing;
  const phq2Positive = phq2 >= PHQ2_POSITIVE_AT;
  const gad2Positive = gad2 >= GAD2_POSITIVE_AT;
  if (!phq2Positive && !gad2Positive) return null;
  return toAlert(history, {
    kind: "wellbeing_positive",
    session: ref(latest),
    phq2,
    gad2,
    phq2Positive,
    gad2Positive,
  });
};

/**
 * Ratings missing: the most recent held sessions whose rating window has closed (`ratingClosesAt` ≤ `at`)
 * include at least the programme's number in a row without a rating (default 2). Sessions still open for
 * rating are left out, so a session just held is never "missed". One alert per run: its key names the
 * run's first missed session. Severity info.
 */
export const detectMissingRatings: FeedbackRule = (history, settings, at) => {
  // ISO instants in UTC compare correctly as text.
  const closed = inOrder(history.sessions).filter((s) => s.alliance !== null || s.ratingClosesAt <= at);
  const run: HeldSession[] = [];
  for (let i = closed.length - 1; i >= 0; i--) {
    const session = closed[i];
    if (session === undefined || session.alliance !== null) break;
    run.unshift(session);
  }
  const last = run.at(-1);
  if (last === undefined || run.length < settings.missingRatingsInARow) return null;
  return toAlert(history, { kind: "ratings_missing", session: ref(last), missedSessions: run.map(ref) });
};

/** Every rule, in the order their alerts are listed within one severity. */
export const FEEDBACK_RULES: readonly FeedbackRule[] = [
  detectWellbeingPositive,
  detectRupture,
  detectWeakAlliance,
  detectSideEffects,
  detectGoalTaskAgreementFalling,
  detectPerceptionGap,
  detectMissingRatings,
];

const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { urgent: 0, warning: 1, info: 2 };

/**
 * Runs every rule on the engagement as it stands at `at` (an ISO instant from the caller's clock) and
 * returns the alerts that fire, urgent first, then warning, then info. An empty history, or one without
 * ratings, raises nothing (unless ratings are missing). Keys are stable: store alerts by key and re-running
 * never duplicates one.
 */
export function evaluateAlerts(
  history: EngagementHistory,
  settings: FeedbackSettings,
  at: IsoInstant,
): Alert[] {
  const alerts: Alert[] = [];
  for (const rule of FEEDBACK_RULES) {
    const alert = rule(history, settings, at);
    if (alert !== null) alerts.push(alert);
  }
  // Array.prototype.sort is stable, so rule order holds within a severity.
  return alerts.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
