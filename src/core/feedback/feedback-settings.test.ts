import { describe, expect, it } from "vitest";
import {
  DEFAULT_FEEDBACK_SETTINGS,
  FEEDBACK_SETTING_FIELDS,
  type FeedbackSettingsOverrides,
  feedbackSettingRange,
  resolveFeedbackSettings,
} from "./feedback-settings.ts";

describe("resolveFeedbackSettings", () => {
  it("fills every setting with its default", () => {
    expect(DEFAULT_FEEDBACK_SETTINGS).toEqual({
      weakAllianceCutoff0to40: 36,
      ruptureDrop0to40: 1,
      reliableChangeSd0to40: 4,
      reliableChangeReliability: 0.88,
      goalTaskDrop0to10: 1,
      goalTaskFloor0to10: 8,
      perceptionGap0to40: 4,
      missingRatingsInARow: 2,
      periodicCheckEvery: 3,
    });
  });

  it("keeps a programme's overrides and defaults the rest", () => {
    const resolved = resolveFeedbackSettings({ weakAllianceCutoff0to40: 34, perceptionGap0to40: 6 });
    expect(resolved).toEqual({
      ok: true,
      value: { ...DEFAULT_FEEDBACK_SETTINGS, weakAllianceCutoff0to40: 34, perceptionGap0to40: 6 },
    });
  });

  it.each(FEEDBACK_SETTING_FIELDS)(
    "accepts %s at both ends of its range and refuses just outside",
    (field) => {
      const { min, max } = feedbackSettingRange(field);
      expect(resolveFeedbackSettings({ [field]: min }).ok).toBe(true);
      expect(resolveFeedbackSettings({ [field]: max }).ok).toBe(true);
      for (const outside of [min - 0.01, max + 0.01]) {
        const resolved = resolveFeedbackSettings({ [field]: outside });
        expect(resolved.ok).toBe(false);
        if (!resolved.ok) {
          expect(resolved.error.field).toBe(field);
          expect(resolved.error.message).toContain(`between ${min} and ${max}`);
        }
      }
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, "36"])(
    "refuses a value that is not a finite number (%s)",
    (value) => {
      const resolved = resolveFeedbackSettings({
        weakAllianceCutoff0to40: value,
      } as unknown as FeedbackSettingsOverrides);
      expect(resolved).toEqual({
        ok: false,
        error: { field: "weakAllianceCutoff0to40", message: "weakAllianceCutoff0to40 must be a number." },
      });
    },
  );

  it("wants a whole number of sessions for missing ratings", () => {
    const resolved = resolveFeedbackSettings({ missingRatingsInARow: 2.5 });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.error.field).toBe("missingRatingsInARow");
  });

  it("refuses a reliability of 1, which would make every change reliable", () => {
    expect(resolveFeedbackSettings({ reliableChangeReliability: 1 }).ok).toBe(false);
  });
});
