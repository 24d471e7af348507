import { describe, expect, it } from "vitest";
import type { Instrument, ScaleItem } from "../instrument.ts";
import { validateResponse } from "../response-validation.ts";
import { scoreResponse } from "../scoring.ts";
import { ALLIANCE_CHECK } from "./alliance-check.ts";
import { COACH_ATTRIBUTES } from "./coach-attributes.ts";
import { COACH_MIRROR } from "./coach-mirror.ts";
import { FIVE_PILLARS, FIVE_PILLARS_COACH, FIVE_PILLARS_COACHEE } from "./five-pillars.ts";
import { reportedSideEffects, SIDE_EFFECT_CATEGORIES, SIDE_EFFECTS_CHECK } from "./side-effects-check.ts";

const scaleItems = (instrument: Instrument) =>
  instrument.items.filter((item): item is ScaleItem => item.kind === "scale");

describe("the built-in instruments", () => {
  it("Alliance Check: goals 2, approach 2, bond 2 and overall, each 0–10, total 0–40, optional free text", () => {
    expect(
      ALLIANCE_CHECK.subscales.map((subscale) => [subscale.id, subscale.items.length, subscale.method]),
    ).toEqual([
      ["goals", 2, "mean"],
      ["approach", 2, "mean"],
      ["bond", 2, "mean"],
    ]);
    expect(scaleItems(ALLIANCE_CHECK).map((item) => [item.min, item.max, item.required])).toEqual(
      Array.from({ length: 7 }, () => [0, 10, true]),
    );
    expect(ALLIANCE_CHECK.scoring.total).toEqual({
      items: [
        "goals-focus",
        "goals-shared",
        "approach-fit",
        "approach-progress",
        "bond-openness",
        "bond-support",
        "overall",
      ],
      method: "sum",
      rescale: { min: 0, max: 40 },
    });
    expect(ALLIANCE_CHECK.items.at(-1)).toMatchObject({ id: "next-session", kind: "text", required: false });
  });

  it("Coach mirror: the same constructs, total 0–40, and a 0–40 prediction kept out of the total", () => {
    expect(COACH_MIRROR.subscales.map((subscale) => subscale.items)).toEqual(
      ALLIANCE_CHECK.subscales.map((subscale) => subscale.items),
    );
    expect(COACH_MIRROR.scoring.total).toEqual(ALLIANCE_CHECK.scoring.total);
    expect(COACH_MIRROR.items.find((item) => item.id === "predicted-total")).toMatchObject({
      kind: "scale",
      min: 0,
      max: 40,
    });
  });

  it("Coach attributes and both Five pillars variants: one 0–10 item each, total their mean", () => {
    expect(COACH_ATTRIBUTES.items.map((item) => item.id)).toEqual([
      "trust",
      "emotions",
      "two-way",
      "learning",
      "contract",
    ]);
    expect(FIVE_PILLARS_COACHEE.items.map((item) => item.id)).toEqual([...FIVE_PILLARS]);
    expect(FIVE_PILLARS_COACH.items.map((item) => item.id)).toEqual([...FIVE_PILLARS]);
    for (const instrument of [COACH_ATTRIBUTES, FIVE_PILLARS_COACHEE, FIVE_PILLARS_COACH]) {
      expect(instrument.scoring.total?.method).toBe("mean");
      expect(scaleItems(instrument)).toHaveLength(5);
    }
  });

  it("Side-effects check: six 0–3 categories summed 0–18, with free text", () => {
    expect(SIDE_EFFECTS_CHECK.items.map((item) => item.id)).toEqual([
      ...SIDE_EFFECT_CATEGORIES,
      "anything-else",
    ]);
    const answers = Object.fromEntries(SIDE_EFFECT_CATEGORIES.map((id) => [id, "a-lot"]));
    const response = validateResponse(SIDE_EFFECTS_CHECK, {
      instrumentId: "side-effects-check",
      instrumentVersion: "1.0.0",
      answers: { ...answers, "beyond-scope": "a-little" },
    });
    if (!response.ok) throw new Error(JSON.stringify(response.error));
    expect(scoreResponse(SIDE_EFFECTS_CHECK, response.value).total).toMatchObject({
      value: 16,
      range: { min: 0, max: 18 },
    });
  });

  it("Side-effects check: reports every category answered above 'not at all', with its label", () => {
    const response = validateResponse(SIDE_EFFECTS_CHECK, {
      instrumentId: "side-effects-check",
      instrumentVersion: "1.0.0",
      answers: {
        ...Object.fromEntries(SIDE_EFFECT_CATEGORIES.map((id) => [id, "not-at-all"])),
        "worry-stress": "a-little",
        "beyond-scope": "a-lot",
      },
    });
    if (!response.ok) throw new Error(JSON.stringify(response.error));
    expect(reportedSideEffects(scoreResponse(SIDE_EFFECTS_CHECK, response.value))).toEqual([
      { categoryId: "beyond-scope", label: "problems beyond what coaching can handle" },
      { categoryId: "worry-stress", label: "worry or stress caused by the coaching" },
    ]);
    const none = validateResponse(SIDE_EFFECTS_CHECK, {
      instrumentId: "side-effects-check",
      instrumentVersion: "1.0.0",
      answers: Object.fromEntries(SIDE_EFFECT_CATEGORIES.map((id) => [id, "not-at-all"])),
    });
    if (!none.ok) throw new Error(JSON.stringify(none.error));
    expect(reportedSideEffects(scoreResponse(SIDE_EFFECTS_CHECK, none.value))).toEqual([]);
  });

  it("are ours and free to use: CC BY 4.0, English, version 1.0.0", () => {
    for (const instrument of [
      ALLIANCE_CHECK,
      COACH_MIRROR,
      COACH_ATTRIBUTES,
      FIVE_PILLARS_COACHEE,
      FIVE_PILLARS_COACH,
      SIDE_EFFECTS_CHECK,
    ]) {
      expect(instrument.licence).toContain("CC BY 4.0");
      expect(instrument.languages).toEqual(["en"]);
      expect(instrument.version).toBe("1.0.0");
    }
  });
});
