// Alerts: what each rule found, its severity, the plain-language reason and repair move, and its stable key.

import type { Brand, EngagementId, SessionId } from "../shared/brand.ts";
import { assertNever } from "../shared/brand.ts";
import {
  ALLIANCE_CONSTRUCTS_IN_TOTAL,
  ALLIANCE_ITEM_MAX,
  ALLIANCE_TOTAL_MAX,
  GAD2_POSITIVE_AT,
  PHQ2_POSITIVE_AT,
  SCREEN_MAX,
} from "./constants.ts";
import type { EngagementHistory, SideEffectReport } from "./engagement-history.ts";

export const ALERT_SEVERITIES = ["info", "warning", "urgent"] as const;
/**
 * - `urgent`: the coachee's wellbeing may be at stake; act before the next session.
 * - `warning`: the alliance needs attention at the next session at the latest.
 * - `info`: worth noticing and, where it fits, raising with the coachee.
 */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_KINDS = [
  "weak_alliance",
  "rupture",
  "goal_task_agreement_falling",
  "perception_gap",
  "side_effects_reported",
  "wellbeing_positive",
  "ratings_missing",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A session as alerts name it. */
export interface SessionRef {
  readonly sessionId: SessionId;
  readonly sessionNumber: number;
}

/** What a rule found, with the numbers behind it. `session` is the session the alert concerns. */
export type AlertFinding =
  | {
      readonly kind: "weak_alliance";
      readonly session: SessionRef;
      readonly total0to40: number;
      readonly cutoff0to40: number;
    }
  | {
      readonly kind: "rupture";
      readonly session: SessionRef;
      readonly previousSession: SessionRef;
      readonly total0to40: number;
      readonly previousTotal0to40: number;
      /** previous − latest, points of 40; at least the programme's rupture drop. */
      readonly drop0to40: number;
      /** Jacobson & Truax RC of the change (negative for a drop). */
      readonly reliableChangeIndex: number;
      /** |RC| > 1.96. */
      readonly reliable: boolean;
    }
  | {
      readonly kind: "goal_task_agreement_falling";
      readonly session: SessionRef;
      readonly goals0to10: number;
      readonly tasks0to10: number;
      /** (goals + tasks) / 2, 0–10. */
      readonly goalTaskMean0to10: number;
      /** The previous rated session and its goals–tasks mean, when there is one. */
      readonly previous: { readonly session: SessionRef; readonly goalTaskMean0to10: number } | null;
      /** The mean fell by at least the programme's goal/task drop. */
      readonly dropped: boolean;
      /** Goals or tasks is below the programme's floor. */
      readonly belowFloor: boolean;
      readonly floor0to10: number;
    }
  | {
      readonly kind: "perception_gap";
      readonly session: SessionRef;
      readonly predicted0to40: number;
      readonly total0to40: number;
      /** predicted − total, points of 40. */
      readonly gap0to40: number;
      readonly threshold0to40: number;
    }
  | {
      readonly kind: "side_effects_reported";
      readonly session: SessionRef;
      readonly categories: readonly SideEffectReport[];
    }
  | {
      readonly kind: "wellbeing_positive";
      readonly session: SessionRef;
      readonly phq2: number;
      readonly gad2: number;
      readonly phq2Positive: boolean;
      readonly gad2Positive: boolean;
    }
  | {
      readonly kind: "ratings_missing";
      /** The most recent missed session. */
      readonly session: SessionRef;
      /** The run of consecutive missed sessions, oldest first. */
      readonly missedSessions: readonly SessionRef[];
    };

/** Identifies an alert across re-evaluations: the same finding always gets the same key. */
export type AlertKey = Brand<string, "AlertKey">;

/** An alert as shown to the coach: the finding plus severity, reason, repair move and key. */
export type Alert = AlertFinding & {
  readonly key: AlertKey;
  readonly engagementId: EngagementId;
  readonly severity: AlertSeverity;
  /** Plain language, with the numbers: why the alert was raised. */
  readonly reason: string;
  /** Plain language: a research-informed move the coach can make. */
  readonly suggestedRepair: string;
};

/** The severity of each kind (documented in docs/feedback-rules.md). */
export function severityOf(kind: AlertKind): AlertSeverity {
  switch (kind) {
    case "wellbeing_positive":
      return "urgent";
    case "weak_alliance":
    case "rupture":
    case "side_effects_reported":
      return "warning";
    case "goal_task_agreement_falling":
    case "perception_gap":
    case "ratings_missing":
      return "info";
    default:
      return assertNever(kind);
  }
}

/**
 * `kind:engagementId:sessionId`. Missing ratings are keyed by the *first* missed session of the run, so a
 * run that grows from two to three missed sessions stays one alert.
 */
export function alertKey(engagementId: EngagementId, finding: AlertFinding): AlertKey {
  const anchor =
    finding.kind === "ratings_missing" ? (finding.missedSessions[0] ?? finding.session) : finding.session;
  return `${finding.kind}:${engagementId}:${anchor.sessionId}` as AlertKey;
}

/** A number of points for people: at most two decimals, no trailing zeros (31, 31.5, 31.25). */
export function formatPoints(value: number): string {
  return String(Number(value.toFixed(2)));
}

function sessionList(sessions: readonly SessionRef[]): string {
  const numbers = sessions.map((s) => String(s.sessionNumber));
  if (numbers.length <= 1) return `session ${numbers.join("")}`;
  return `sessions ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}

function reasonFor(name: string, finding: AlertFinding): string {
  const p = formatPoints;
  switch (finding.kind) {
    case "weak_alliance":
      return (
        `${name} rated session ${finding.session.sessionNumber} at ${p(finding.total0to40)}/${ALLIANCE_TOTAL_MAX}, ` +
        `below your programme's cut-off of ${p(finding.cutoff0to40)} ` +
        `(an average of ${p(finding.cutoff0to40 / ALLIANCE_CONSTRUCTS_IN_TOTAL)} of ${ALLIANCE_ITEM_MAX} per question).`
      );
    case "rupture": {
      const base =
        `${name} rated session ${finding.session.sessionNumber} at ${p(finding.total0to40)}/${ALLIANCE_TOTAL_MAX}, ` +
        `${p(finding.drop0to40)} ${finding.drop0to40 === 1 ? "point" : "points"} lower than ` +
        `session ${finding.previousSession.sessionNumber} (${p(finding.previousTotal0to40)}/${ALLIANCE_TOTAL_MAX}).`;
      const rc = finding.reliableChangeIndex.toFixed(2);
      return finding.reliable
        ? `${base} The drop is reliable: larger than rating the same session twice would explain (reliable change index ${rc}).`
        : `${base} A drop this size can be chance (reliable change index ${rc}), but any drop is worth asking about.`;
    }
    case "goal_task_agreement_falling": {
      const now =
        `${name} rated agreement on goals ${p(finding.goals0to10)}/${ALLIANCE_ITEM_MAX} and on the approach ` +
        `${p(finding.tasks0to10)}/${ALLIANCE_ITEM_MAX} at session ${finding.session.sessionNumber}`;
      const parts: string[] = [];
      if (finding.dropped && finding.previous !== null) {
        parts.push(
          `together ${p(finding.goalTaskMean0to10)}/${ALLIANCE_ITEM_MAX}, down from ` +
            `${p(finding.previous.goalTaskMean0to10)} at session ${finding.previous.session.sessionNumber}`,
        );
      }
      if (finding.belowFloor) parts.push(`below ${p(finding.floor0to10)}, where it is worth checking in`);
      return `${now}: ${parts.join("; ")}.`;
    }
    case "perception_gap":
      return (
        `You expected ${name} to rate session ${finding.session.sessionNumber} at ${p(finding.predicted0to40)}/${ALLIANCE_TOTAL_MAX}; ` +
        `${name} rated it ${p(finding.total0to40)}/${ALLIANCE_TOTAL_MAX}, ${p(finding.gap0to40)} points lower ` +
        `(your programme flags a gap of ${p(finding.threshold0to40)} or more).`
      );
    case "side_effects_reported": {
      const n = finding.categories.length;
      return (
        `At session ${finding.session.sessionNumber}, ${name} reported ${n} possible side ${n === 1 ? "effect" : "effects"} ` +
        `of the coaching: ${finding.categories.map((c) => c.label).join("; ")}.`
      );
    }
    case "wellbeing_positive": {
      const screen = (label: string, score: number, cutoff: number, positive: boolean) =>
        `${label} ${score}/${SCREEN_MAX} (${positive ? "at or above" : "below"} its cut-off of ${cutoff})`;
      return (
        `${name}'s wellbeing screen at session ${finding.session.sessionNumber} was positive: ` +
        `${screen("PHQ-2 (low mood)", finding.phq2, PHQ2_POSITIVE_AT, finding.phq2Positive)}, ` +
        `${screen("GAD-2 (anxiety)", finding.gad2, GAD2_POSITIVE_AT, finding.gad2Positive)}. A screen is not a diagnosis.`
      );
    }
    case "ratings_missing": {
      const n = finding.missedSessions.length;
      return `${name} has not rated the last ${n} held ${n === 1 ? "session" : "sessions"} (${sessionList(finding.missedSessions)}).`;
    }
    default:
      return assertNever(finding);
  }
}

function repairFor(name: string, finding: AlertFinding): string {
  switch (finding.kind) {
    case "weak_alliance":
      return (
        `Raise it early next session: thank ${name} for the honest rating, ask what would have made the session ` +
        `more useful, and agree one change together. Low ratings that are discussed are how the alliance gets repaired.`
      );
    case "rupture":
      return (
        `Treat it as a possible rupture and repair it: name what you noticed ("your rating dipped this time"), ` +
        `invite ${name}'s view and listen without defending, own your part, and agree together what to change ` +
        `in the goals or the way you work.`
      );
    case "goal_task_agreement_falling":
      return (
        `Revisit goals together: ask ${name} what they most want from coaching now and whether the way you work ` +
        `still fits. Let ${name} lead the renegotiation, then update the agreed goals.`
      );
    case "perception_gap":
      return (
        `Check your read of the session: before sharing your view next time, ask ${name} how the session was for ` +
        `them, and note what you may have missed. Ratings catch what coaches' impressions miss.`
      );
    case "side_effects_reported":
      return (
        `Talk it through with ${name}: ask what happened and how it affects them. If the issue goes beyond what ` +
        `coaching can handle, discuss a referral; if goals changed without agreement, renegotiate them openly.`
      );
    case "wellbeing_positive":
      return (
        `${name} has been shown the programme's help resources. Check in soon, calmly and privately: say the screen ` +
        `is not a diagnosis, ask how they are, and follow your programme's referral policy. Coaching is not a ` +
        `treatment for depression or anxiety.`
      );
    case "ratings_missing":
      return (
        `Ask ${name}, without pressure, whether the rating still works for them: it takes under a minute and is ` +
        `there so you can adjust to them. Offer to do it together at the end of the session (link or QR code).`
      );
    default:
      return assertNever(finding);
  }
}

/** Turns a rule's finding into the alert the coach sees. */
export function toAlert(
  history: Pick<EngagementHistory, "engagementId" | "coacheeName">,
  finding: AlertFinding,
): Alert {
  return {
    ...finding,
    key: alertKey(history.engagementId, finding),
    engagementId: history.engagementId,
    severity: severityOf(finding.kind),
    reason: reasonFor(history.coacheeName, finding),
    suggestedRepair: repairFor(history.coacheeName, finding),
  };
}
