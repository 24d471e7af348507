import { describe, expect, it } from "vitest";
import { validateResponse } from "../response-validation.ts";
import { scoreResponse } from "../scoring.ts";
import { ALLIANCE_CHECK } from "./alliance-check.ts";
import {
  GAD2_POSITIVE_CUTOFF,
  PHQ2_POSITIVE_CUTOFF,
  screenWellbeing,
  WELLBEING_SCREEN,
} from "./wellbeing-screen.ts";

const CODES = ["not-at-all", "several-days", "more-than-half", "nearly-every-day"] as const;

function screen(phq: readonly [number, number], gad: readonly [number, number | null]) {
  const code = (score: number | null) => (score === null ? null : CODES[score]);
  const response = validateResponse(
    WELLBEING_SCREEN,
    {
      instrumentId: "wellbeing-screen",
      instrumentVersion: "1.0.0",
      answers: { "phq-1": code(phq[0]), "phq-2": code(phq[1]), "gad-1": code(gad[0]), "gad-2": code(gad[1]) },
    },
    { enforceRequired: false },
  );
  if (!response.ok) throw new Error(JSON.stringify(response.error));
  return screenWellbeing(scoreResponse(WELLBEING_SCREEN, response.value));
}

describe("screenWellbeing", () => {
  it("uses the published cut-offs: PHQ-2 ≥ 3 and GAD-2 ≥ 3", () => {
    expect(PHQ2_POSITIVE_CUTOFF).toBe(3);
    expect(GAD2_POSITIVE_CUTOFF).toBe(3);
  });

  it.each([
    // PHQ items, GAD items, PHQ outcome, GAD outcome, positive
    [[1, 1], [0, 0], "negative", "negative", false],
    [[2, 1], [0, 0], "positive", "negative", true],
    [[3, 3], [0, 0], "positive", "negative", true],
    [[0, 0], [1, 1], "negative", "negative", false],
    [[0, 0], [0, 3], "negative", "positive", true],
    [[1, 1], [2, 0], "negative", "negative", false],
    [[2, 0], [2, 1], "negative", "positive", true],
  ] as const)("PHQ %j, GAD %j → PHQ-2 %s, GAD-2 %s", (phq, gad, phqStatus, gadStatus, positive) => {
    const result = screen(phq, gad);
    expect(result.phq2.status).toBe(phqStatus);
    expect(result.gad2.status).toBe(gadStatus);
    expect(result.positive).toBe(positive);
  });

  it("reports the sums with the cut-off", () => {
    expect(screen([2, 1], [0, 1])).toEqual({
      phq2: { status: "positive", score: 3, cutOff: 3 },
      gad2: { status: "negative", score: 1, cutOff: 3 },
      positive: true,
    });
  });

  it("calls a screen with a missing item incomplete (a two-item scale is not prorated)", () => {
    expect(screen([0, 0], [3, null]).gad2).toEqual({ status: "incomplete" });
  });

  it("keeps Pfizer's attribution with the instrument", () => {
    expect(WELLBEING_SCREEN.licence).toContain(
      "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
    );
  });

  it("uses the standard answer options", () => {
    for (const item of WELLBEING_SCREEN.items) {
      expect(item.kind === "choice" && item.options.map((option) => [option.label.en, option.score])).toEqual(
        [
          ["Not at all", 0],
          ["Several days", 1],
          ["More than half the days", 2],
          ["Nearly every day", 3],
        ],
      );
    }
  });

  it("refuses a report of another instrument", () => {
    const response = validateResponse(
      ALLIANCE_CHECK,
      { instrumentId: "alliance-check", instrumentVersion: "1.0.0", answers: {} },
      { enforceRequired: false },
    );
    if (!response.ok) throw new Error("unexpected");
    expect(() => screenWellbeing(scoreResponse(ALLIANCE_CHECK, response.value))).toThrow("wellbeing-screen");
  });
});
