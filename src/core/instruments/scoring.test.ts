import { describe, expect, it } from "vitest";
import { ALLIANCE_CHECK } from "./builtins/alliance-check.ts";
import type { Instrument, Item, ScaleItem } from "./instrument.ts";
import type { ValidResponse } from "./response.ts";
import { validateResponse } from "./response-validation.ts";
import { type ScaleScore, scoreResponse, withinMissingRule } from "./scoring.ts";

const en = (text: string) => ({ en: text });

function scale(id: string, min: number, max: number, reversed = false): ScaleItem {
  return { id, kind: "scale", text: en(id), required: false, min, max, reversed };
}

function instrument(items: readonly Item[], overrides: Partial<Instrument> = {}): Instrument {
  const scored = items.filter((item) => item.kind !== "text").map((item) => item.id);
  return {
    id: "fixture",
    version: "1.0.0",
    title: en("Fixture"),
    licence: "Test fixture",
    languages: ["en"],
    items,
    subscales: [],
    scoring: { total: { items: scored, method: "sum" } },
    ...overrides,
  };
}

function valid(target: Instrument, answers: Record<string, unknown>): ValidResponse {
  const result = validateResponse(
    target,
    { instrumentId: target.id, instrumentVersion: target.version, answers },
    { enforceRequired: false },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function scored(score: ScaleScore | null | undefined): number {
  if (score?.status !== "scored") throw new Error(`not scored: ${JSON.stringify(score)}`);
  return score.value;
}

/** n items scored 0–10, total: their sum. */
function uniform(n: number): Instrument {
  return instrument(Array.from({ length: n }, (_, index) => scale(`i${index + 1}`, 0, 10)));
}

describe("scoreResponse: item scores and reverse keying", () => {
  const reversed = instrument([
    scale("a", 1, 5),
    scale("b", 1, 5),
    scale("c", 1, 5, true),
    {
      id: "d",
      kind: "choice",
      text: en("d"),
      required: false,
      reversed: true,
      options: [
        { code: "never", label: en("Never"), score: 0 },
        { code: "sometimes", label: en("Sometimes"), score: 1 },
        { code: "often", label: en("Often"), score: 2 },
        { code: "always", label: en("Always"), score: 3 },
      ],
    },
    { id: "e", kind: "boolean", text: en("e"), required: false, reversed: false },
    { id: "f", kind: "boolean", text: en("f"), required: false, reversed: true },
    { id: "note", kind: "text", text: en("note"), required: false, maxLength: 100 },
  ]);

  it.each([
    // item, answer, raw, score (hand-computed: reversed score = min + max − raw)
    ["a", 5, 5, 5],
    ["c", 2, 2, 4],
    ["c", 5, 5, 1],
    ["d", "often", 2, 1],
    ["d", "never", 0, 3],
    ["e", true, 1, 1],
    ["f", true, 1, 0],
    ["f", false, 0, 1],
  ])("scores item %s answered %j as raw %d, score %d", (itemId, answer, raw, score) => {
    const report = scoreResponse(reversed, valid(reversed, { [itemId]: answer }));
    expect(report.items.find((item) => item.itemId === itemId)).toEqual({
      itemId,
      status: "scored",
      raw,
      score,
    });
  });

  it("lists every scored item in order, leaves text out, and marks the unanswered ones missing", () => {
    const report = scoreResponse(reversed, valid(reversed, { a: 1, note: "fine" }));
    expect(report.items.map((item) => [item.itemId, item.status])).toEqual([
      ["a", "scored"],
      ["b", "missing"],
      ["c", "missing"],
      ["d", "missing"],
      ["e", "missing"],
      ["f", "missing"],
    ]);
  });

  it("sums reverse-keyed items into the total over the summed range", () => {
    // a=5, b=4, c=2→4, d=often→1, e=yes→1, f=yes→0: 15 of 3…20 (5+5+5+3+1+1)
    const report = scoreResponse(
      reversed,
      valid(reversed, { a: 5, b: 4, c: 2, d: "often", e: true, f: true }),
    );
    expect(report.total).toEqual({
      status: "scored",
      value: 15,
      range: { min: 3, max: 20 },
      prorated: false,
      answered: 6,
      missing: 0,
      unscaled: null,
    });
  });
});

describe("scoreResponse: subscales", () => {
  const target = instrument([scale("a", 0, 4), scale("b", 0, 4), scale("c", 0, 4, true), scale("d", 0, 4)], {
    subscales: [
      { id: "first", title: en("First"), items: ["a", "b"], method: "mean" },
      { id: "second", title: en("Second"), items: ["c", "d"], method: "sum" },
      { id: "all-mean", title: en("All"), items: ["a", "b", "c", "d"], method: "mean" },
    ],
  });

  it("computes sums and means with reverse keys (hand-computed)", () => {
    // a=1, b=4, c=1→3, d=2: first mean 2.5 (0–4); second sum 5 (0–8); all mean 10/4 = 2.5
    const report = scoreResponse(target, valid(target, { a: 1, b: 4, c: 1, d: 2 }));
    expect(report.subscales.map((subscale) => [subscale.id, scored(subscale.score)])).toEqual([
      ["first", 2.5],
      ["second", 5],
      ["all-mean", 2.5],
    ]);
    const second = report.subscales[1]?.score;
    expect(second?.status === "scored" && second.range).toEqual({ min: 0, max: 8 });
    const first = report.subscales[0]?.score;
    expect(first?.status === "scored" && first.range).toEqual({ min: 0, max: 4 });
  });

  it("gives a two-item subscale no score when one item is missing (50 % > 20 %)", () => {
    const report = scoreResponse(target, valid(target, { a: 1, c: 1, d: 2 }));
    expect(report.subscales[0]?.score).toEqual({ status: "too_many_missing", answered: 1, missing: 1 });
  });
});

describe("scoreResponse: the missing-data rule (prorate at most 20 % missing)", () => {
  it.each([
    // items, missing, share, prorated?
    [5, 1, "exactly 20 %", true],
    [10, 2, "exactly 20 %", true],
    [7, 1, "14 %", true],
    [9, 2, "22 %, just above", false],
    [7, 2, "29 %", false],
    [4, 1, "25 %", false],
    [2, 1, "50 %", false],
  ])("%d items with %d missing (%s): prorated %s", (n, missing, _share, prorated) => {
    expect(withinMissingRule(missing, n)).toBe(prorated);
    const target = uniform(n);
    const answers = Object.fromEntries(
      Array.from({ length: n - missing }, (_, index) => [`i${index + 1}`, 6]),
    );
    const total = scoreResponse(target, valid(target, answers)).total;
    if (prorated) {
      // every answered item is 6 (60 % of its range), so each missing one is filled with 6
      expect(total).toMatchObject({
        status: "scored",
        value: 6 * n,
        prorated: true,
        answered: n - missing,
        missing,
      });
    } else {
      expect(total).toEqual({ status: "too_many_missing", answered: n - missing, missing });
    }
  });

  it("prorates with the respondent's own mean (hand-computed, reverse key included)", () => {
    const target = instrument([
      scale("a", 1, 5),
      scale("b", 1, 5),
      scale("c", 1, 5, true),
      scale("d", 1, 5),
      scale("e", 1, 5),
    ]);
    // b missing; scores a=5, c=2→4, d=3, e=1: mean 13/4 = 3.25, so b is 3.25 and the sum is 16.25
    const total = scoreResponse(target, valid(target, { a: 5, c: 2, d: 3, e: 1 })).total;
    expect(total).toEqual({
      status: "scored",
      value: 16.25,
      range: { min: 5, max: 25 },
      prorated: true,
      answered: 4,
      missing: 1,
      unscaled: null,
    });
  });

  it("fills a missing item at the answered items' mean proportion when ranges differ", () => {
    // answered a=5 of 0–10 (50 %), b=4 of 0–4 (100 %), d=10 of 0–10 (100 %), e=0 (0 %): mean 62.5 %,
    // so the missing c (0–2) is filled with 1.25 and the sum is 5 + 4 + 1.25 + 10 + 0 = 20.25
    const target = instrument([
      scale("a", 0, 10),
      scale("b", 0, 4),
      scale("c", 0, 2),
      scale("d", 0, 10),
      scale("e", 0, 10),
    ]);
    const total = scoreResponse(target, valid(target, { a: 5, b: 4, d: 10, e: 0 })).total;
    expect(scored(total)).toBeCloseTo(20.25, 12);
  });

  it("has no score when nothing is answered", () => {
    const target = uniform(3);
    expect(scoreResponse(target, valid(target, {})).total).toEqual({
      status: "too_many_missing",
      answered: 0,
      missing: 3,
    });
  });
});

describe("scoreResponse: conditional display", () => {
  const target = instrument(
    [
      { id: "gate", kind: "boolean", text: en("Did it happen?"), required: true, reversed: false },
      { ...scale("how-much", 0, 10), enableWhen: { item: "gate", operator: "=", answer: true } },
      { ...scale("how-often", 0, 10), enableWhen: { item: "gate", operator: "=", answer: true } },
      scale("always", 0, 10),
    ],
    {
      subscales: [
        { id: "follow-up", title: en("Follow-up"), items: ["how-much", "how-often"], method: "sum" },
      ],
    },
  );

  it("leaves hidden items out of the total's range instead of counting them missing", () => {
    const report = scoreResponse(target, valid(target, { gate: false, always: 7 }));
    expect(report.items.map((item) => item.status)).toEqual(["scored", "hidden", "hidden", "scored"]);
    expect(report.total).toMatchObject({
      status: "scored",
      value: 7,
      range: { min: 0, max: 11 },
      prorated: false,
    });
    expect(report.subscales[0]?.score).toEqual({ status: "not_shown" });
  });

  it("scores the follow-up items once they are shown", () => {
    const report = scoreResponse(
      target,
      valid(target, { gate: true, "how-much": 3, "how-often": 4, always: 7 }),
    );
    expect(scored(report.subscales[0]?.score)).toBe(7);
    expect(report.total).toMatchObject({ value: 15, range: { min: 0, max: 31 } });
  });
});

describe("scoreResponse: the Alliance Check total rescaled to 0–40", () => {
  const check = (answers: readonly (number | null)[]) => {
    const ids = [
      "goals-focus",
      "goals-shared",
      "approach-fit",
      "approach-progress",
      "bond-openness",
      "bond-support",
      "overall",
    ];
    const record = Object.fromEntries(ids.map((id, index) => [id, answers[index] ?? null]));
    return scoreResponse(ALLIANCE_CHECK, valid(ALLIANCE_CHECK, record));
  };

  it.each([
    [[10, 10, 10, 10, 10, 10, 10], 70, 40],
    [[0, 0, 0, 0, 0, 0, 0], 0, 0],
    [[5, 5, 5, 5, 5, 5, 5], 35, 20],
    [[8, 9, 7, 8, 10, 9, 6], 57, (57 * 40) / 70],
    [[10, 9, 10, 9, 10, 10, 5], 63, 36],
  ])("scores %j as %d of 70, %d of 40", (answers, sum, total) => {
    const report = check(answers);
    expect(report.total).toMatchObject({
      status: "scored",
      range: { min: 0, max: 40 },
      unscaled: { value: sum, range: { min: 0, max: 70 } },
    });
    expect(scored(report.total)).toBeCloseTo(total, 12);
  });

  it("computes the goal, approach and bond subscale means", () => {
    const report = check([8, 9, 7, 8, 10, 9, 6]);
    expect(report.subscales.map((subscale) => [subscale.id, scored(subscale.score)])).toEqual([
      ["goals", 8.5],
      ["approach", 7.5],
      ["bond", 9.5],
    ]);
  });

  it("prorates one skipped item of seven and refuses two", () => {
    // 8+9+7+8+10+9 = 51 over six items (85 %): overall filled with 8.5 → 59.5 of 70 → 34 of 40
    const one = check([8, 9, 7, 8, 10, 9, null]);
    expect(one.total).toMatchObject({
      status: "scored",
      prorated: true,
      missing: 1,
      unscaled: { value: 59.5 },
    });
    expect(scored(one.total)).toBeCloseTo(34, 12);
    expect(check([8, 9, 7, 8, 10, null, null]).total).toEqual({
      status: "too_many_missing",
      answered: 5,
      missing: 2,
    });
  });
});

describe("scoreResponse: misuse", () => {
  it("throws when given a response of another instrument", () => {
    const response = valid(uniform(2), { i1: 1 });
    expect(() => scoreResponse(ALLIANCE_CHECK, response)).toThrow("scored with alliance-check");
  });
});
