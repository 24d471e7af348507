import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EngagementId, IsoInstant, SessionId } from "../shared/brand.ts";
import { type Alert, formatPoints, severityOf } from "./alert.ts";
import {
  detectGoalTaskAgreementFalling,
  detectMissingRatings,
  detectPerceptionGap,
  detectRupture,
  detectSideEffects,
  detectWeakAlliance,
  detectWellbeingPositive,
  evaluateAlerts,
} from "./alert-rules.ts";
import type { AllianceCheckScores, EngagementHistory, HeldSession } from "./engagement-history.ts";
import {
  DEFAULT_FEEDBACK_SETTINGS,
  FEEDBACK_SETTING_FIELDS,
  type FeedbackSettings,
  type FeedbackSettingsOverrides,
  feedbackSettingRange,
  resolveFeedbackSettings,
} from "./feedback-settings.ts";
import { isReliableChange, standardErrorOfDifference } from "./reliable-change.ts";

const at = (iso: string) => iso as IsoInstant;
/** The evaluation time; every session's rating window closed before it unless a test says otherwise. */
const NOW = at("2026-06-01T12:00:00.000Z");
const CLOSED = at("2026-05-01T00:00:00.000Z");
const STILL_OPEN = at("2026-06-05T00:00:00.000Z");

/** An Alliance Check with every construct at total ÷ 4 unless given. */
function rating(total: number, parts: Partial<AllianceCheckScores> = {}): AllianceCheckScores {
  const each = total / 4;
  return {
    total0to40: total,
    goals0to10: each,
    tasks0to10: each,
    bond0to10: each,
    overall0to10: each,
    ...parts,
  };
}

function session(n: number, overrides: Partial<HeldSession> = {}): HeldSession {
  return {
    sessionId: `s${n}` as SessionId,
    sessionNumber: n,
    heldAt: at(`2026-01-${String(n).padStart(2, "0")}T09:00:00.000Z`),
    alliance: null,
    ratingClosesAt: CLOSED,
    coachPrediction0to40: null,
    sideEffectsReported: null,
    wellbeing: null,
    ...overrides,
  };
}

/** Sessions 1, 2, … with these Alliance Check totals (null: not rated). */
function rated(...totals: (number | null)[]): HeldSession[] {
  return totals.map((total, i) => session(i + 1, { alliance: total === null ? null : rating(total) }));
}

function history(sessions: HeldSession[]): EngagementHistory {
  return { engagementId: "e1" as EngagementId, coacheeName: "Sam", sessions };
}

function settings(overrides: FeedbackSettingsOverrides): FeedbackSettings {
  const resolved = resolveFeedbackSettings(overrides);
  if (!resolved.ok) throw new Error(resolved.error.message);
  return resolved.value;
}

const D = DEFAULT_FEEDBACK_SETTINGS;

describe("detectWeakAlliance", () => {
  it.each([
    [35, true],
    [35.99, true],
    [36, false],
    [36.01, false],
    [40, false],
    [0, true],
  ])("with the default cut-off 36, a total of %d fires: %s", (total, fires) => {
    expect(detectWeakAlliance(history(rated(total)), D, NOW) !== null).toBe(fires);
  });

  it.each([
    [33.99, true],
    [34, false],
    [34.01, false],
  ])("with a programme cut-off of 34, a total of %d fires: %s", (total, fires) => {
    const s = settings({ weakAllianceCutoff0to40: 34 });
    expect(detectWeakAlliance(history(rated(total)), s, NOW) !== null).toBe(fires);
  });

  it("explains itself with the total and the cut-off, and suggests talking about it", () => {
    const alert = detectWeakAlliance(history(rated(31)), D, NOW);
    expect(alert).toMatchObject({
      kind: "weak_alliance",
      key: "weak_alliance:e1:s1",
      severity: "warning",
      session: { sessionId: "s1", sessionNumber: 1 },
      total0to40: 31,
      cutoff0to40: 36,
      reason:
        "Sam rated session 1 at 31/40, below your programme's cut-off of 36 (an average of 9 of 10 per question).",
    });
    expect(alert?.suggestedRepair).toContain("ask what would have made the session more useful");
  });

  it("reads the latest rated session, even when a later session is not rated yet", () => {
    expect(detectWeakAlliance(history(rated(38, 30, null)), D, NOW)?.session.sessionNumber).toBe(2);
    expect(detectWeakAlliance(history(rated(30, 38)), D, NOW)).toBeNull();
  });

  it("raises nothing without a rating", () => {
    expect(detectWeakAlliance(history([]), D, NOW)).toBeNull();
    expect(detectWeakAlliance(history(rated(null, null)), D, NOW)).toBeNull();
  });
});

describe("detectRupture", () => {
  it.each([
    [37, 36, true], // drop exactly 1
    [37, 35.99, true], // just above
    [37, 36.01, false], // just below
    [37, 37, false],
    [36, 39, false], // a rise
  ])("from %d to %d fires: %s (default drop 1)", (before, after, fires) => {
    expect(detectRupture(history(rated(before, after)), D, NOW) !== null).toBe(fires);
  });

  it("honours a programme's larger drop", () => {
    const s = settings({ ruptureDrop0to40: 2 });
    expect(detectRupture(history(rated(38, 36)), s, NOW)).not.toBeNull();
    expect(detectRupture(history(rated(38, 36.5)), s, NOW)).toBeNull();
  });

  it("needs two ratings: nothing at the first session or with only one rated", () => {
    expect(detectRupture(history(rated(20)), D, NOW)).toBeNull();
    expect(detectRupture(history(rated(null, 20, null)), D, NOW)).toBeNull();
  });

  it("compares with the previous rated session, skipping unrated ones", () => {
    const alert = detectRupture(history(rated(38, null, 36)), D, NOW);
    expect(alert).toMatchObject({
      previousSession: { sessionId: "s1", sessionNumber: 1 },
      session: { sessionId: "s3", sessionNumber: 3 },
      drop0to40: 2,
    });
  });

  it("flags a reliable drop with its hand-computed RC (SD 4, r .88: S_diff 1.9596)", () => {
    const alert = detectRupture(history(rated(36, 32)), D, NOW);
    if (alert?.kind !== "rupture") throw new Error("expected a rupture");
    expect(alert.reliableChangeIndex).toBeCloseTo(-2.041241, 5);
    expect(alert.reliable).toBe(true);
    expect(alert.severity).toBe("warning");
    expect(alert.reason).toBe(
      "Sam rated session 2 at 32/40, 4 points lower than session 1 (36/40). The drop is reliable: larger than " +
        "rating the same session twice would explain (reliable change index -2.04).",
    );
    expect(alert.suggestedRepair).toMatch(
      /name what you noticed.*invite Sam's view.*own your part.*agree together/,
    );
  });

  it("calls a 3-point drop a rupture but not a reliable one (RC −1.53)", () => {
    const alert = detectRupture(history(rated(36, 33)), D, NOW);
    if (alert?.kind !== "rupture") throw new Error("expected a rupture");
    expect(alert.reliableChangeIndex).toBeCloseTo(-1.530931, 5);
    expect(alert.reliable).toBe(false);
    expect(alert.reason).toContain("3 points lower than session 1 (36/40)");
    expect(alert.reason).toContain("can be chance (reliable change index -1.53)");
  });

  it.each([
    [3.96, false], // RC exactly −1.96
    [3.97, true],
    [3.95, false],
  ])("with S_diff 1 (SD 1, r .5), a drop from %d to 2 is reliable: %s", (before, reliable) => {
    const s = settings({ reliableChangeSd0to40: 1, reliableChangeReliability: 0.5 });
    const alert = detectRupture(history(rated(before, 2)), s, NOW);
    expect(alert).toMatchObject({ kind: "rupture", reliable });
  });
});

describe("detectGoalTaskAgreementFalling", () => {
  const withGoalsTasks = (n: number, goals: number, tasks: number) =>
    session(n, { alliance: rating(38, { goals0to10: goals, tasks0to10: tasks }) });
  const noFloor = settings({ goalTaskFloor0to10: 0 });

  it.each([
    [8, 8, true], // mean 9 → 8: dropped exactly 1
    [8, 7.9, true], // → 7.95: just above
    [8.1, 8, false], // → 8.05: just below
  ])(
    "from goals 9 and tasks 9 to goals %d and tasks %d fires: %s (drop 1, floor off)",
    (goals, tasks, fires) => {
      const h = history([withGoalsTasks(1, 9, 9), withGoalsTasks(2, goals, tasks)]);
      expect(detectGoalTaskAgreementFalling(h, noFloor, NOW) !== null).toBe(fires);
    },
  );

  it.each([
    [7.99, 9, true],
    [9, 7.99, true],
    [8, 8, false], // exactly at the floor
    [8.01, 9, false],
  ])("at the first rating, goals %d and tasks %d fire: %s (floor 8)", (goals, tasks, fires) => {
    const h = history([withGoalsTasks(1, goals, tasks)]);
    expect(detectGoalTaskAgreementFalling(h, D, NOW) !== null).toBe(fires);
  });

  it("prompts to revisit goals together, with the numbers", () => {
    const h = history([withGoalsTasks(1, 9, 9), withGoalsTasks(2, 8, 7)]);
    const alert = detectGoalTaskAgreementFalling(h, D, NOW);
    expect(alert).toMatchObject({
      kind: "goal_task_agreement_falling",
      severity: "info",
      goalTaskMean0to10: 7.5,
      previous: { session: { sessionNumber: 1 }, goalTaskMean0to10: 9 },
      dropped: true,
      belowFloor: true,
      reason:
        "Sam rated agreement on goals 8/10 and on the approach 7/10 at session 2: together 7.5/10, down from 9 " +
        "at session 1; below 8, where it is worth checking in.",
    });
    expect(alert?.suggestedRepair).toMatch(/^Revisit goals together/);
    expect(alert?.suggestedRepair).toContain("Let Sam lead the renegotiation");
  });

  it("raises nothing without a rating or when agreement holds", () => {
    expect(detectGoalTaskAgreementFalling(history(rated(null)), D, NOW)).toBeNull();
    expect(
      detectGoalTaskAgreementFalling(history([withGoalsTasks(1, 9, 9), withGoalsTasks(2, 9, 8.5)]), D, NOW),
    ).toBeNull();
  });
});

describe("detectPerceptionGap", () => {
  const predicted = (prediction: number | null, total: number | null) =>
    history([
      session(1, { alliance: total === null ? null : rating(total), coachPrediction0to40: prediction }),
    ]);

  it.each([
    [38, 34, true], // gap exactly 4
    [38, 33.99, true],
    [38, 34.01, false],
    [30, 38, false], // the coach under-estimated
  ])("a prediction of %d against a rating of %d fires: %s (gap 4)", (prediction, total, fires) => {
    expect(detectPerceptionGap(predicted(prediction, total), D, NOW) !== null).toBe(fires);
  });

  it("names both numbers and the programme's gap", () => {
    expect(detectPerceptionGap(predicted(38, 31), D, NOW)).toMatchObject({
      kind: "perception_gap",
      severity: "info",
      gap0to40: 7,
      reason:
        "You expected Sam to rate session 1 at 38/40; Sam rated it 31/40, 7 points lower (your programme flags " +
        "a gap of 4 or more).",
    });
  });

  it("needs both the prediction and the rating of the same session", () => {
    expect(detectPerceptionGap(predicted(null, 20), D, NOW)).toBeNull();
    expect(detectPerceptionGap(predicted(40, null), D, NOW)).toBeNull();
  });

  it("honours a programme's gap", () => {
    expect(detectPerceptionGap(predicted(38, 33), settings({ perceptionGap0to40: 6 }), NOW)).toBeNull();
    expect(detectPerceptionGap(predicted(38, 32), settings({ perceptionGap0to40: 6 }), NOW)).not.toBeNull();
  });
});

describe("detectSideEffects", () => {
  const beyond = { categoryId: "beyond_coaching", label: "problems beyond what coaching can handle" };
  const stress = { categoryId: "stress", label: "worry or stress caused by the coaching" };

  it("fires on any category ticked, naming each", () => {
    const alert = detectSideEffects(history([session(3, { sideEffectsReported: [beyond, stress] })]), D, NOW);
    expect(alert).toMatchObject({
      kind: "side_effects_reported",
      severity: "warning",
      key: "side_effects_reported:e1:s3",
      reason:
        "At session 3, Sam reported 2 possible side effects of the coaching: problems beyond what coaching can " +
        "handle; worry or stress caused by the coaching.",
    });
    expect(alert?.suggestedRepair).toContain("discuss a referral");
  });

  it("raises nothing when the check found nothing, was not given, or the latest check is clean", () => {
    expect(detectSideEffects(history([session(3, { sideEffectsReported: [] })]), D, NOW)).toBeNull();
    expect(detectSideEffects(history([session(3)]), D, NOW)).toBeNull();
    const later = [session(3, { sideEffectsReported: [beyond] }), session(6, { sideEffectsReported: [] })];
    expect(detectSideEffects(history(later), D, NOW)).toBeNull();
  });

  it("reads the latest check given, not the latest session", () => {
    const h = history([session(3, { sideEffectsReported: [stress] }), session(4), session(5)]);
    expect(detectSideEffects(h, D, NOW)?.session.sessionNumber).toBe(3);
  });
});

describe("detectWellbeingPositive", () => {
  const screened = (phq2: number, gad2: number) => history([session(2, { wellbeing: { phq2, gad2 } })]);

  it.each([
    [3, 0, true],
    [0, 3, true],
    [6, 6, true],
    [2, 2, false],
    [2, 0, false],
    [0, 2, false],
  ])("PHQ-2 %d and GAD-2 %d fire: %s (either ≥ 3)", (phq2, gad2, fires) => {
    expect(detectWellbeingPositive(screened(phq2, gad2), D, NOW) !== null).toBe(fires);
  });

  it("is urgent and names both scores", () => {
    const alert = detectWellbeingPositive(screened(4, 2), D, NOW);
    expect(alert).toMatchObject({
      kind: "wellbeing_positive",
      severity: "urgent",
      phq2Positive: true,
      gad2Positive: false,
      reason:
        "Sam's wellbeing screen at session 2 was positive: PHQ-2 (low mood) 4/6 (at or above its cut-off of 3), " +
        "GAD-2 (anxiety) 2/6 (below its cut-off of 3). A screen is not a diagnosis.",
    });
    expect(alert?.suggestedRepair).toContain("referral policy");
  });

  it("raises nothing when no screen was given, or the latest screen is negative", () => {
    expect(detectWellbeingPositive(history(rated(20)), D, NOW)).toBeNull();
    const h = history([
      session(1, { wellbeing: { phq2: 5, gad2: 5 } }),
      session(2, { wellbeing: { phq2: 1, gad2: 0 } }),
    ]);
    expect(detectWellbeingPositive(h, D, NOW)).toBeNull();
  });
});

describe("detectMissingRatings", () => {
  it("raises nothing for one unrated session (the first, or any)", () => {
    expect(detectMissingRatings(history(rated(null)), D, NOW)).toBeNull();
    expect(detectMissingRatings(history(rated(38, null)), D, NOW)).toBeNull();
  });

  it("fires after two held sessions in a row without a rating", () => {
    const alert = detectMissingRatings(history(rated(38, null, null)), D, NOW);
    expect(alert).toMatchObject({
      kind: "ratings_missing",
      severity: "info",
      key: "ratings_missing:e1:s2",
      session: { sessionId: "s3" },
      missedSessions: [{ sessionId: "s2" }, { sessionId: "s3" }],
      reason: "Sam has not rated the last 2 held sessions (sessions 2 and 3).",
    });
  });

  it("does not count a session whose rating link is still open", () => {
    const sessions = [...rated(38, null), session(3, { ratingClosesAt: STILL_OPEN })];
    expect(detectMissingRatings(history(sessions), D, NOW)).toBeNull();
    expect(detectMissingRatings(history(sessions), D, STILL_OPEN)).not.toBeNull(); // closed at exactly that instant
  });

  it("keeps one key while the run grows, so it is one alert", () => {
    const two = detectMissingRatings(history(rated(38, null, null)), D, NOW);
    const three = detectMissingRatings(history(rated(38, null, null, null)), D, NOW);
    expect(three?.key).toBe(two?.key);
    expect(three?.reason).toContain("the last 3 held sessions (sessions 2, 3 and 4)");
  });

  it("honours a programme's count and stops at a rated session", () => {
    const s = settings({ missingRatingsInARow: 3 });
    expect(detectMissingRatings(history(rated(null, 38, null, null)), s, NOW)).toBeNull();
    expect(detectMissingRatings(history(rated(38, null, null, null)), s, NOW)).not.toBeNull();
  });
});

describe("evaluateAlerts", () => {
  it("raises nothing for an engagement without sessions or after a good first session", () => {
    expect(evaluateAlerts(history([]), D, NOW)).toEqual([]);
    expect(
      evaluateAlerts(history([session(1, { alliance: rating(39), coachPrediction0to40: 38 })]), D, NOW),
    ).toEqual([]);
  });

  it("runs every rule and lists urgent first, then warning, then info", () => {
    const sessions = [
      session(1, { alliance: rating(38, { goals0to10: 9.5, tasks0to10: 9.5 }) }),
      session(2, {
        alliance: rating(30, { goals0to10: 7, tasks0to10: 7 }),
        coachPrediction0to40: 37,
        sideEffectsReported: [{ categoryId: "stress", label: "worry or stress caused by the coaching" }],
        wellbeing: { phq2: 3, gad2: 1 },
      }),
    ];
    const kinds = evaluateAlerts(history(sessions), D, NOW).map((a) => [a.severity, a.kind]);
    expect(kinds).toEqual([
      ["urgent", "wellbeing_positive"],
      ["warning", "rupture"],
      ["warning", "weak_alliance"],
      ["warning", "side_effects_reported"],
      ["info", "goal_task_agreement_falling"],
      ["info", "perception_gap"],
    ]);
  });

  it("gives the same keys on every run and for sessions in any order", () => {
    const sessions = [...rated(38, 31, null, null), session(5, { wellbeing: { phq2: 0, gad2: 4 } })];
    const first = evaluateAlerts(history(sessions), D, NOW);
    const again = evaluateAlerts(history([...sessions].reverse()), D, NOW);
    expect(again).toEqual(first);
    expect(first.map((a) => a.key)).toEqual([
      "wellbeing_positive:e1:s5",
      "rupture:e1:s2",
      "weak_alliance:e1:s2",
      "goal_task_agreement_falling:e1:s2",
      "ratings_missing:e1:s3",
    ]);
  });
});

describe("evaluateAlerts properties", () => {
  // Whole and half points as well as any real, so that ties with the thresholds come up often.
  const score = (max: number) =>
    fc.oneof(
      fc.integer({ min: 0, max }),
      fc.integer({ min: 0, max: 2 * max }).map((halves) => halves / 2),
      fc.double({ min: 0, max, noNaN: true }),
    );
  const alliance = fc.record({
    total0to40: score(40),
    goals0to10: score(10),
    tasks0to10: score(10),
    bond0to10: score(10),
    overall0to10: score(10),
  });
  const heldSession = (n: number) =>
    fc
      .record({
        alliance: fc.option(alliance),
        ratingClosesAt: fc.constantFrom(CLOSED, STILL_OPEN),
        coachPrediction0to40: fc.option(score(40)),
        sideEffectsReported: fc.option(
          fc.array(fc.record({ categoryId: fc.string(), label: fc.string() }), { maxLength: 3 }),
        ),
        wellbeing: fc.option(
          fc.record({ phq2: fc.integer({ min: 0, max: 6 }), gad2: fc.integer({ min: 0, max: 6 }) }),
        ),
      })
      .map((fields) => session(n, fields));
  const histories = fc
    .integer({ min: 0, max: 10 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => heldSession(i + 1))))
    .map((sessions) => history(sessions));
  const anySettings = fc
    .record(
      Object.fromEntries(
        FEEDBACK_SETTING_FIELDS.map((field) => {
          const { min, max, integer } = feedbackSettingRange(field);
          const real = fc.oneof(
            fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
            fc.double({ min, max, noNaN: true }),
          );
          return [field, integer ? fc.integer({ min, max }) : real];
        }),
      ) as Record<keyof FeedbackSettingsOverrides, fc.Arbitrary<number>>,
    )
    .map(settings);

  it("never throws, gives unique keys and the documented severity, and names the coachee", () => {
    fc.assert(
      fc.property(histories, anySettings, (h, s) => {
        const alerts = evaluateAlerts(h, s, NOW);
        expect(new Set(alerts.map((a) => a.key)).size).toBe(alerts.length);
        for (const alert of alerts) {
          expect(alert.severity).toBe(severityOf(alert.kind));
          expect(alert.reason).toContain("Sam");
          expect(alert.suggestedRepair.length).toBeGreaterThan(0);
        }
        expect(evaluateAlerts(h, s, NOW)).toEqual(alerts);
      }),
    );
  });

  const latestRated = (h: EngagementHistory) =>
    h.sessions.filter((x) => x.alliance !== null).map((x) => x.alliance as AllianceCheckScores);
  const find = (alerts: Alert[], kind: Alert["kind"]) => alerts.find((a) => a.kind === kind);

  it("raises a weak-alliance alert exactly when the latest total is below the cut-off, with both numbers", () => {
    fc.assert(
      fc.property(histories, anySettings, (h, s) => {
        const last = latestRated(h).at(-1);
        const alert = find(evaluateAlerts(h, s, NOW), "weak_alliance");
        expect(alert !== undefined).toBe(last !== undefined && last.total0to40 < s.weakAllianceCutoff0to40);
        if (alert !== undefined && last !== undefined) {
          expect(alert.reason).toContain(`${formatPoints(last.total0to40)}/40`);
          expect(alert.reason).toContain(`cut-off of ${formatPoints(s.weakAllianceCutoff0to40)}`);
        }
      }),
    );
  });

  it("raises a rupture exactly when the total fell by the programme's drop, reliable exactly when |RC| > 1.96", () => {
    fc.assert(
      fc.property(histories, anySettings, (h, s) => {
        const totals = latestRated(h).map((a) => a.total0to40);
        const [before, after] = totals.slice(-2);
        const alert = find(evaluateAlerts(h, s, NOW), "rupture");
        const drop = before === undefined || after === undefined ? null : before - after;
        expect(alert !== undefined).toBe(drop !== null && totals.length >= 2 && drop >= s.ruptureDrop0to40);
        if (alert?.kind === "rupture" && drop !== null) {
          const sDiff = standardErrorOfDifference(s.reliableChangeSd0to40, s.reliableChangeReliability);
          expect(alert.reliable).toBe(isReliableChange(-drop / sDiff));
        }
      }),
    );
  });

  it("on whole points, fires weak alliance iff total < cut-off and rupture iff drop ≥ the programme's drop", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 40 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (cutoff, drop, before, after) => {
          const s = settings({ weakAllianceCutoff0to40: cutoff, ruptureDrop0to40: drop });
          const alerts = evaluateAlerts(history(rated(before, after)), s, NOW);
          expect(find(alerts, "weak_alliance") !== undefined).toBe(after < cutoff);
          expect(find(alerts, "rupture") !== undefined).toBe(before - after >= drop);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("raises a wellbeing alert exactly when the latest screen has PHQ-2 or GAD-2 at 3 or more", () => {
    fc.assert(
      fc.property(histories, (h) => {
        const last = h.sessions.filter((x) => x.wellbeing !== null).at(-1)?.wellbeing;
        const fires = last != null && (last.phq2 >= 3 || last.gad2 >= 3);
        expect(find(evaluateAlerts(h, D, NOW), "wellbeing_positive") !== undefined).toBe(fires);
      }),
    );
  });
});
