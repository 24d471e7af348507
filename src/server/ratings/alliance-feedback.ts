// An engagement's alliance: its trend from the coachee's ratings, and the alerts the rules raise on it.

import type { FastifyRequest } from "fastify";
import type { Alert } from "../../core/feedback/alert.ts";
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
import type {
  EngagementId,
  IsoInstant,
  OrganizationId,
  ProgrammeId,
  SessionId,
} from "../../core/shared/brand.ts";
import { roundTo } from "../../core/shared/numbers.ts";
import type { StoredAlert } from "../../store/alerts/alert.repository.ts";
import type { EngagementRecord, SessionRecord } from "../../store/engagements/engagement.repository.ts";
import type { InstrumentResponseRecord } from "../../store/ratings/rating.repository.ts";
import type { AppContext } from "../app-context.ts";
import { addDays } from "../auth/sign-in.ts";
import { engagementFor } from "../engagements/engagement-views.ts";
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

/**
 * The engagement a request names, for a viewer who may read its ratings (its coach and coachee; 404
 * for anyone else), with the viewer's roles there and the engagement's parties.
 */
export async function readableAlliance(
  ctx: AppContext,
  request: FastifyRequest<{ Params: { orgId: string; engagementId: string } }>,
) {
  return await engagementFor(ctx, request, "alliance_rating", "read");
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
  return score?.status === "scored" ? roundTo(score.value, 2) : null;
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

/** Every instrument the trend and the feedback rules read. */
const ALLIANCE_INSTRUMENTS = [
  AFTER_SESSION_INSTRUMENT,
  COACH_MIRROR.id,
  SIDE_EFFECTS_CHECK.id,
  WELLBEING_SCREEN.id,
] as const;

/** Sessions per query when loading many engagements' responses (bound parameters stay few). */
const SESSIONS_PER_QUERY = 500;

export interface LoadedAlliance {
  readonly points: TrendPoint[];
  readonly history: EngagementHistory;
}

/**
 * The trend and the rules' history of one engagement from its sessions (any status, in start order) and
 * the responses to `ALLIANCE_INSTRUMENTS` given for them.
 */
function buildAlliance(
  engagement: EngagementRecord,
  allSessions: readonly SessionRecord[],
  responses: readonly InstrumentResponseRecord[],
): LoadedAlliance {
  const sessions = allSessions.filter((s) => s.status === "held");
  const coacheeId = engagement.coachee.id;
  const of = (instrumentId: string, respondentId: string) =>
    responses.filter((r) => r.instrumentId === instrumentId && r.respondentId === respondentId);
  const reports = new Map(
    of(AFTER_SESSION_INSTRUMENT, coacheeId).map((r) => [r.sessionId, r.scores as ScoreReport]),
  );
  const predictions = new Map(
    of(COACH_MIRROR.id, engagement.coach.id).map((m) => [m.sessionId, predictionOf(m.answers)]),
  );
  // The further check-ins the rules read: side effects and the wellbeing screen, the coachee's own only.
  const sideEffects = new Map(
    of(SIDE_EFFECTS_CHECK.id, coacheeId).map((r) => [
      r.sessionId,
      reportedSideEffects(r.scores as ScoreReport),
    ]),
  );
  const screens = new Map(
    of(WELLBEING_SCREEN.id, coacheeId).map((r) => [r.sessionId, wellbeingOf(r.scores as ScoreReport)]),
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
 * The alliance of several engagements of one organization, in two queries (their sessions, then the
 * responses to the held ones) whatever their number: the trend points and the rules' history of each.
 */
export async function loadAlliances(
  ctx: AppContext,
  orgId: OrganizationId,
  engagements: readonly EngagementRecord[],
): Promise<Map<EngagementId, LoadedAlliance>> {
  const sessions = await ctx.repos.engagements.listSessionsOfEngagements(
    orgId,
    engagements.map((e) => e.id),
  );
  const heldIds = sessions.filter((s) => s.status === "held").map((s) => s.id);
  const responses: InstrumentResponseRecord[] = [];
  for (let start = 0; start < heldIds.length; start += SESSIONS_PER_QUERY) {
    responses.push(
      ...(await ctx.repos.ratings.listResponsesOfSessions(
        orgId,
        heldIds.slice(start, start + SESSIONS_PER_QUERY),
        ALLIANCE_INSTRUMENTS,
      )),
    );
  }
  const sessionsOf = groupBy(sessions, (s) => s.engagementId);
  const engagementOfSession = new Map(sessions.map((s) => [s.id, s.engagementId]));
  const responsesOf = groupBy(responses, (r) => engagementOfSession.get(r.sessionId));
  return new Map(
    engagements.map((e) => [e.id, buildAlliance(e, sessionsOf.get(e.id) ?? [], responsesOf.get(e.id) ?? [])]),
  );
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The held sessions of an engagement with the coachee's Alliance Check for each, as a trend and a history. */
export async function loadAlliance(
  ctx: AppContext,
  orgId: OrganizationId,
  engagement: EngagementRecord,
): Promise<LoadedAlliance> {
  const loaded = (await loadAlliances(ctx, orgId, [engagement])).get(engagement.id);
  if (!loaded) throw new Error(`no alliance loaded for engagement ${engagement.id}`);
  return loaded;
}

/**
 * Runs the feedback rules on each engagement as it is now and stores, in one statement, the alerts not
 * raised before (each finding has a stable key, so re-running never duplicates one). `histories` may
 * carry what the caller already loaded; the rest is loaded in one batch. Returns how many were new.
 */
export async function refreshAlertsOf(
  ctx: AppContext,
  orgId: OrganizationId,
  engagements: readonly EngagementRecord[],
  histories: ReadonlyMap<EngagementId, EngagementHistory> = new Map(),
): Promise<number> {
  const now = ctx.clock.now();
  const missing = engagements.filter((e) => !histories.has(e.id));
  const loaded = missing.length > 0 ? await loadAlliances(ctx, orgId, missing) : new Map();
  const settingsByProgramme = new Map<ProgrammeId, FeedbackSettings>();
  const found: { engagement: EngagementRecord; alert: Alert }[] = [];
  for (const engagement of engagements) {
    const history = histories.get(engagement.id) ?? loaded.get(engagement.id)?.history;
    if (!history) continue;
    let settings = settingsByProgramme.get(engagement.programmeId);
    if (!settings) {
      settings = await settingsFor(ctx, orgId, engagement.programmeId);
      settingsByProgramme.set(engagement.programmeId, settings);
    }
    for (const alert of evaluateAlerts(history, settings, now)) found.push({ engagement, alert });
  }
  // Most findings were raised before; only the others are stored (a simultaneous refresh storing the same
  // key first is harmless: the insert skips known keys).
  const known = await ctx.repos.alerts.knownAlertKeys(
    orgId,
    found.map(({ alert }) => alert.key),
  );
  const stored: StoredAlert[] = found
    .filter(({ alert }) => !known.has(alert.key))
    .map(({ engagement, alert }) => {
      const { key, severity, reason, suggestedRepair, engagementId: _engagement, ...finding } = alert;
      return {
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
    });
  return await ctx.repos.alerts.insertAlertsIfNew(stored);
}

/** `refreshAlertsOf` for one engagement. */
export async function refreshAlerts(
  ctx: AppContext,
  orgId: OrganizationId,
  engagement: EngagementRecord,
  history?: EngagementHistory,
): Promise<number> {
  return await refreshAlertsOf(ctx, orgId, [engagement], history && new Map([[engagement.id, history]]));
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
