// An engagement's alliance: its trend from the coachee's ratings, and the alerts the rules raise on it.

import { openAlertState } from "../../core/feedback/alert-lifecycle.ts";
import { evaluateAlerts } from "../../core/feedback/alert-rules.ts";
import type {
  EngagementHistory,
  HeldSession,
  WellbeingScreen,
} from "../../core/feedback/engagement-history.ts";
import {
  DEFAULT_FEEDBACK_SETTINGS,
  type FeedbackSettings,
  resolveFeedbackSettings,
} from "../../core/feedback/feedback-settings.ts";
import { COACH_MIRROR, COACH_MIRROR_PREDICTION_ITEM } from "../../core/instruments/builtins/coach-mirror.ts";
import {
  reportedSideEffects,
  SIDE_EFFECTS_CHECK,
} from "../../core/instruments/builtins/side-effects-check.ts";
import { screenWellbeing, WELLBEING_SCREEN } from "../../core/instruments/builtins/wellbeing-screen.ts";
import type { ScaleScore, ScoreReport } from "../../core/instruments/scoring.ts";
import type { IsoInstant, OrganizationId, ProgrammeId, SessionId } from "../../core/shared/brand.ts";
import type { StoredAlert } from "../../store/alerts/alert.repository.ts";
import type { EngagementRecord } from "../../store/engagements/engagement.repository.ts";
import type { AppContext } from "../app-context.ts";
import { addDays } from "../auth/sign-in.ts";
import { AFTER_SESSION_INSTRUMENT, RATING_LINK_DAYS } from "./rating-links.ts";

export interface TrendPoint {
  readonly sessionId: SessionId;
  readonly sessionNumber: number;
  readonly startsAt: IsoInstant;
  readonly total: number | null;
  /** The coach's prediction of `total` (coach mirror), 0–40; only for viewers who may see it. */
  readonly prediction: number | null;
  readonly goals: number | null;
  readonly approach: number | null;
  readonly bond: number | null;
}

/** The feedback rules' thresholds for a programme: its saved overrides over the defaults. */
export async function settingsFor(
  ctx: AppContext,
  orgId: OrganizationId,
  programmeId: ProgrammeId | undefined,
): Promise<FeedbackSettings> {
  if (programmeId === undefined) return DEFAULT_FEEDBACK_SETTINGS;
  const resolved = resolveFeedbackSettings(
    await ctx.repos.organizations.findFeedbackOverrides(orgId, programmeId),
  );
  // Overrides are checked when saved; stored ones that no longer pass are a bug.
  if (!resolved.ok)
    throw new Error(`stored feedback settings of ${programmeId} are invalid: ${resolved.error.message}`);
  return resolved.value;
}

/** The coach's prediction of the coachee's Alliance Check total in a stored coach mirror, if given. */
export function predictionOf(answers: Readonly<Record<string, unknown>>): number | null {
  const value = answers[COACH_MIRROR_PREDICTION_ITEM];
  return typeof value === "number" ? value : null;
}

/** A score rounded to two decimals, or null when there is none. */
export function scoreValue(score: ScaleScore | null | undefined): number | null {
  return score?.status === "scored" ? Math.round(score.value * 100) / 100 : null;
}

export function subscaleValue(report: ScoreReport, id: string): number | null {
  return scoreValue(report.subscales.find((s) => s.id === id)?.score);
}

function itemScore(report: ScoreReport, id: string): number | null {
  const item = report.items.find((i) => i.itemId === id);
  return item?.status === "scored" ? item.score : null;
}

/** PHQ-2 and GAD-2 sums of a scored wellbeing screen, or null when either is incomplete. */
function wellbeingOf(report: ScoreReport): WellbeingScreen | null {
  const { phq2, gad2 } = screenWellbeing(report);
  return phq2.status === "incomplete" || gad2.status === "incomplete"
    ? null
    : { phq2: phq2.score, gad2: gad2.score };
}

/** The held sessions of an engagement with the coachee's Alliance Check for each, as a trend and a history. */
export async function loadAlliance(
  ctx: AppContext,
  orgId: OrganizationId,
  engagement: EngagementRecord,
): Promise<{ points: TrendPoint[]; history: EngagementHistory }> {
  const sessions = (await ctx.repos.engagements.listSessionsOfEngagement(orgId, engagement.id)).filter(
    (s) => s.status === "held",
  );
  const responses = await ctx.repos.ratings.listResponsesOfSessions(
    orgId,
    sessions.map((s) => s.id),
    AFTER_SESSION_INSTRUMENT,
  );
  const reports = new Map(responses.map((r) => [r.sessionId, r.scores as ScoreReport]));
  const mirrors = await ctx.repos.ratings.listResponsesOfSessions(
    orgId,
    sessions.map((s) => s.id),
    COACH_MIRROR.id,
  );
  // The further check-ins the rules read: side effects and the wellbeing screen, the coachee's own only.
  const checkIns = (
    await ctx.repos.ratings.listResponsesOfSessions(
      orgId,
      sessions.map((s) => s.id),
      [SIDE_EFFECTS_CHECK.id, WELLBEING_SCREEN.id],
    )
  ).filter((r) => r.respondentId === engagement.coachee.id);
  const sideEffects = new Map(
    checkIns
      .filter((r) => r.instrumentId === SIDE_EFFECTS_CHECK.id)
      .map((r) => [r.sessionId, reportedSideEffects(r.scores as ScoreReport)]),
  );
  const screens = new Map(
    checkIns
      .filter((r) => r.instrumentId === WELLBEING_SCREEN.id)
      .map((r) => [r.sessionId, wellbeingOf(r.scores as ScoreReport)]),
  );
  const predictions = new Map(
    mirrors
      .filter((m) => m.respondentId === engagement.coach.id)
      .map((m) => [m.sessionId, predictionOf(m.answers)]),
  );
  const points: TrendPoint[] = [];
  const held: HeldSession[] = [];
  sessions.forEach((s, index) => {
    const report = reports.get(s.id);
    const point: TrendPoint = {
      sessionId: s.id,
      sessionNumber: index + 1,
      startsAt: s.startsAt,
      total: report ? scoreValue(report.total) : null,
      prediction: predictions.get(s.id) ?? null,
      goals: report ? subscaleValue(report, "goals") : null,
      approach: report ? subscaleValue(report, "approach") : null,
      bond: report ? subscaleValue(report, "bond") : null,
    };
    points.push(point);
    const heldAt = s.heldAt ?? s.startsAt;
    held.push({
      sessionId: s.id,
      sessionNumber: index + 1,
      heldAt,
      alliance:
        report &&
        point.total !== null &&
        point.goals !== null &&
        point.approach !== null &&
        point.bond !== null
          ? {
              total0to40: point.total,
              goals0to10: point.goals,
              tasks0to10: point.approach,
              bond0to10: point.bond,
              overall0to10: itemScore(report, "overall") ?? point.total / 4,
            }
          : null,
      ratingClosesAt: addDays(heldAt, RATING_LINK_DAYS),
      coachPrediction0to40: point.prediction,
      sideEffectsReported: sideEffects.get(s.id) ?? null,
      wellbeing: screens.get(s.id) ?? null,
    });
  });
  return {
    points,
    history: { engagementId: engagement.id, coacheeName: engagement.coachee.displayName, sessions: held },
  };
}

/**
 * Runs the feedback rules on the engagement as it is now and stores the alerts not raised before (each
 * finding has a stable key, so re-running never duplicates one). Returns how many were new.
 */
export async function refreshAlerts(
  ctx: AppContext,
  orgId: OrganizationId,
  engagement: EngagementRecord,
  history?: EngagementHistory,
): Promise<number> {
  const now = ctx.clock.now();
  const settings = await settingsFor(ctx, orgId, engagement.programmeId);
  const found = evaluateAlerts(
    history ?? (await loadAlliance(ctx, orgId, engagement)).history,
    settings,
    now,
  );
  let added = 0;
  for (const alert of found) {
    const { key, severity, reason, suggestedRepair, engagementId: _engagement, ...finding } = alert;
    const stored: StoredAlert = {
      organizationId: orgId,
      id: ctx.ids.newId(),
      engagementId: engagement.id,
      sessionId: alert.session.sessionId,
      key,
      kind: alert.kind,
      severity,
      reason,
      suggestedRepair,
      finding,
      state: openAlertState(now),
    };
    if (await ctx.repos.alerts.insertAlertIfNew(stored)) added++;
  }
  return added;
}

/** An alert as the API shows it. */
export function alertView(
  alert: StoredAlert,
  engagement: { coachee: { displayName: string } },
  sessionNumber: number | null,
) {
  const state = alert.state;
  return {
    id: alert.id,
    engagementId: alert.engagementId,
    coacheeName: engagement.coachee.displayName,
    kind: alert.kind,
    severity: alert.severity,
    reason: alert.reason,
    suggestedRepair: alert.suggestedRepair,
    sessionId: alert.sessionId,
    sessionNumber,
    status: state.status,
    openedAt: state.openedAt,
    acknowledgedAt: state.status === "open" ? null : state.acknowledgedAt,
    resolvedAt: state.status === "resolved" ? state.resolvedAt : null,
    resolutionNote: state.status === "resolved" ? state.note : null,
  };
}
