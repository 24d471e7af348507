import { describe, expect, it } from "vitest";
import type { EngagementId, SessionId } from "../shared/brand.ts";
import { ALERT_KINDS, type AlertFinding, alertKey, formatPoints, severityOf, toAlert } from "./alert.ts";

const s = (n: number) => ({ sessionId: `s${n}` as SessionId, sessionNumber: n });
const engagement = "e7" as EngagementId;

describe("severityOf", () => {
  it("maps every kind to its documented severity", () => {
    expect(Object.fromEntries(ALERT_KINDS.map((kind) => [kind, severityOf(kind)]))).toEqual({
      wellbeing_positive: "urgent",
      weak_alliance: "warning",
      rupture: "warning",
      side_effects_reported: "warning",
      goal_task_agreement_falling: "info",
      perception_gap: "info",
      ratings_missing: "info",
    });
  });
});

describe("alertKey", () => {
  it("is kind, engagement and session, so the same finding always gets the same key", () => {
    const finding: AlertFinding = { kind: "weak_alliance", session: s(4), total0to40: 30, cutoff0to40: 36 };
    expect(alertKey(engagement, finding)).toBe("weak_alliance:e7:s4");
    expect(alertKey(engagement, { ...finding, total0to40: 20 })).toBe("weak_alliance:e7:s4");
    expect(alertKey("e8" as EngagementId, finding)).toBe("weak_alliance:e8:s4");
  });

  it("keys missing ratings by the first missed session of the run", () => {
    const finding: AlertFinding = {
      kind: "ratings_missing",
      session: s(5),
      missedSessions: [s(3), s(4), s(5)],
    };
    expect(alertKey(engagement, finding)).toBe("ratings_missing:e7:s3");
  });
});

describe("formatPoints", () => {
  it.each([
    [31, "31"],
    [31.5, "31.5"],
    [31.25, "31.25"],
    [7.954, "7.95"],
    [0, "0"],
  ])("shows %d as %s", (value, text) => {
    expect(formatPoints(value)).toBe(text);
  });
});

describe("toAlert", () => {
  it("adds key, engagement, severity, reason and repair to the finding", () => {
    const alert = toAlert(
      { engagementId: engagement, coacheeName: "Ana" },
      { kind: "ratings_missing", session: s(2), missedSessions: [s(1), s(2)] },
    );
    expect(alert).toMatchObject({
      kind: "ratings_missing",
      key: "ratings_missing:e7:s1",
      engagementId: "e7",
      severity: "info",
      reason: "Ana has not rated the last 2 held sessions (sessions 1 and 2).",
    });
    expect(alert.suggestedRepair).toContain("Ask Ana, without pressure");
  });

  it("says 'point' for a one-point drop", () => {
    const alert = toAlert(
      { engagementId: engagement, coacheeName: "Ana" },
      {
        kind: "rupture",
        session: s(2),
        previousSession: s(1),
        total0to40: 37,
        previousTotal0to40: 38,
        drop0to40: 1,
        reliableChangeIndex: -0.51,
        reliable: false,
      },
    );
    expect(alert.reason).toContain("37/40, 1 point lower than session 1 (38/40)");
  });
});
