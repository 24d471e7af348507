import { describe, expect, it } from "vitest";
import {
  ALLIANCE_CONSTRUCTS_IN_TOTAL,
  ALLIANCE_ITEM_MAX,
  ALLIANCE_TOTAL_MAX,
  PERCEPTION_GAP_DEFAULT,
  RELIABLE_CHANGE_RELIABILITY_DEFAULT,
  RELIABLE_CHANGE_SD_DEFAULT,
  RELIABLE_CHANGE_Z,
  WEAK_ALLIANCE_CUTOFF_DEFAULT,
  WEAK_ALLIANCE_ITEM_MEAN_CUTOFF,
} from "./constants.ts";
import { resolveFeedbackSettings } from "./feedback-settings.ts";
import { standardErrorOfDifference } from "./reliable-change.ts";

describe("feedback constants", () => {
  it("states the weak-alliance cut-off both ways: 36 of 40 is 9.0 of 10 per construct", () => {
    expect(WEAK_ALLIANCE_CUTOFF_DEFAULT / ALLIANCE_CONSTRUCTS_IN_TOTAL).toBe(WEAK_ALLIANCE_ITEM_MEAN_CUTOFF);
    expect(ALLIANCE_ITEM_MAX * ALLIANCE_CONSTRUCTS_IN_TOTAL).toBe(ALLIANCE_TOTAL_MAX);
  });

  it("keeps every default inside its own valid range", () => {
    expect(resolveFeedbackSettings().ok).toBe(true);
  });

  it("sets the perception gap to the smallest whole number of points beyond 1.96·S_diff", () => {
    const reliableDifference =
      RELIABLE_CHANGE_Z *
      standardErrorOfDifference(RELIABLE_CHANGE_SD_DEFAULT, RELIABLE_CHANGE_RELIABILITY_DEFAULT);
    expect(PERCEPTION_GAP_DEFAULT).toBe(Math.ceil(reliableDifference));
  });
});
