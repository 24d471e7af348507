import { describe, expect, it } from "vitest";
import { ALLIANCE_CHECK } from "./builtins/alliance-check.ts";
import { COACH_MIRROR } from "./builtins/coach-mirror.ts";
import type { Instrument } from "./instrument.ts";
import type { ResponseInput } from "./response.ts";
import { type ResponseIssue, validateResponse } from "./response-validation.ts";

const en = (text: string) => ({ en: text });

const target: Instrument = {
  id: "fixture",
  version: "2.1.0",
  title: en("Fixture"),
  licence: "Test fixture",
  languages: ["en"],
  items: [
    { id: "rating", kind: "scale", text: en("Rating"), required: true, min: 0, max: 10, reversed: false },
    {
      id: "mood",
      kind: "choice",
      text: en("Mood"),
      required: true,
      reversed: false,
      options: [
        { code: "low", label: en("Low"), score: 0 },
        { code: "high", label: en("High"), score: 1 },
      ],
    },
    { id: "happened", kind: "boolean", text: en("Did it happen?"), required: false, reversed: false },
    {
      id: "what",
      kind: "text",
      text: en("What happened?"),
      required: true,
      maxLength: 10,
      enableWhen: { item: "happened", operator: "=", answer: true },
    },
  ],
  subscales: [],
  scoring: { total: null },
};

const input = (answers: Record<string, unknown>, version = "2.1.0"): ResponseInput => ({
  instrumentId: "fixture",
  instrumentVersion: version,
  answers,
});

function issues(answers: Record<string, unknown>): readonly ResponseIssue[] {
  const result = validateResponse(target, input(answers));
  return result.ok ? [] : result.error;
}

describe("validateResponse", () => {
  it("accepts a complete response and keeps the instrument id and version it answered", () => {
    const result = validateResponse(target, input({ rating: 7, mood: "high", happened: false }));
    expect(result).toEqual({
      ok: true,
      value: {
        instrumentId: "fixture",
        instrumentVersion: "2.1.0",
        answers: { rating: 7, mood: "high", happened: false },
      },
    });
  });

  it("refuses a response to another version of the instrument", () => {
    const result = validateResponse(target, input({ rating: 7, mood: "high" }, "2.0.0"));
    expect(result).toEqual({
      ok: false,
      error: [expect.objectContaining({ code: "instrument_mismatch", itemId: null })],
    });
  });

  it.each([
    [{ rating: 11, mood: "low" }, "out_of_range", "rating", 'Item "rating" accepts 0 to 10, got 11.'],
    [{ rating: -1, mood: "low" }, "out_of_range", "rating", 'Item "rating" accepts 0 to 10, got -1.'],
    [{ rating: 7.5, mood: "low" }, "wrong_type", "rating", 'Item "rating" expects a whole number, got 7.5.'],
    [
      { rating: "7", mood: "low" },
      "wrong_type",
      "rating",
      'Item "rating" expects a whole number, got text "7".',
    ],
    [
      { rating: 7, mood: "medium" },
      "unknown_option",
      "mood",
      'Item "mood" has no option "medium" (options: low, high).',
    ],
    [{ rating: 7, mood: 1 }, "wrong_type", "mood", 'Item "mood" expects an option code, got 1.'],
    [
      { rating: 7, mood: "low", happened: "yes" },
      "wrong_type",
      "happened",
      'Item "happened" expects true or false, got text "yes".',
    ],
    [
      { rating: 7, mood: "low", colour: "blue" },
      "unknown_item",
      "colour",
      'Item "colour" is not part of fixture.',
    ],
    [{ mood: "low" }, "required_missing", "rating", 'Item "rating" needs an answer.'],
    [{ rating: null, mood: "low" }, "required_missing", "rating", 'Item "rating" needs an answer.'],
    [
      { rating: 1, mood: "low", happened: true, what: "far too long" },
      "out_of_range",
      "what",
      'Item "what" accepts at most 10 characters, got 12.',
    ],
    [
      { rating: 1, mood: "low", happened: true, what: 5 },
      "wrong_type",
      "what",
      'Item "what" expects text, got 5.',
    ],
  ])("reports %j as %s naming the item %s", (answers, code, itemId, message) => {
    expect(issues(answers)).toEqual([{ code, itemId, message }]);
  });

  it("reports every problem at once, each naming its item", () => {
    expect(
      issues({ rating: 12, mood: "meh", extra: 1, other: 2 }).map((issue) => [issue.code, issue.itemId]),
    ).toEqual([
      ["unknown_item", "extra"],
      ["unknown_item", "other"],
      ["out_of_range", "rating"],
      ["unknown_option", "mood"],
    ]);
  });

  it("treats blank text as unanswered and trims what it keeps", () => {
    expect(issues({ rating: 1, mood: "low", happened: true, what: "   " })).toEqual([
      { code: "required_missing", itemId: "what", message: 'Item "what" needs an answer.' },
    ]);
    const result = validateResponse(
      target,
      input({ rating: 1, mood: "low", happened: true, what: "  a fall  " }),
    );
    expect(result.ok && result.value.answers.what).toBe("a fall");
  });

  it("does not require a hidden item and drops an answer given to it", () => {
    const result = validateResponse(
      target,
      input({ rating: 1, mood: "low", happened: false, what: "stale" }),
    );
    expect(result.ok && result.value.answers).toEqual({ rating: 1, mood: "low", happened: false });
    expect(issues({ rating: 1, mood: "low" })).toEqual([]);
  });

  it("requires a conditional item once its condition holds", () => {
    expect(issues({ rating: 1, mood: "low", happened: true }).map((issue) => issue.itemId)).toEqual(["what"]);
  });

  it("leaves required items to the missing-data rule when told not to enforce them", () => {
    const result = validateResponse(target, input({ mood: "low" }), { enforceRequired: false });
    expect(result.ok).toBe(true);
  });

  it("ignores inherited properties of the answers object", () => {
    const answers = Object.create({ rating: 5 }) as Record<string, unknown>;
    answers.mood = "low";
    expect(issues(answers)).toEqual([
      { code: "required_missing", itemId: "rating", message: 'Item "rating" needs an answer.' },
    ]);
  });

  it("validates the built-ins: the Alliance Check's free text is optional, its ratings are not", () => {
    const ratings = {
      "goals-focus": 9,
      "goals-shared": 9,
      "approach-fit": 8,
      "approach-progress": 8,
      "bond-openness": 10,
      "bond-support": 10,
      overall: 9,
    };
    const check = (answers: Record<string, unknown>) =>
      validateResponse(ALLIANCE_CHECK, {
        instrumentId: "alliance-check",
        instrumentVersion: "1.0.0",
        answers,
      });
    expect(check(ratings).ok).toBe(true);
    const { overall: _, ...withoutOverall } = ratings;
    expect(check(withoutOverall)).toMatchObject({
      ok: false,
      error: [{ code: "required_missing", itemId: "overall" }],
    });
  });

  it("shows the Coach mirror's 'what got in the way' only for an overall rating of 6 or less", () => {
    const base = {
      "goals-focus": 5,
      "goals-shared": 5,
      "approach-fit": 5,
      "approach-progress": 5,
      "bond-openness": 5,
      "bond-support": 5,
      "predicted-total": 30,
    };
    const answersWith = (overall: number) =>
      validateResponse(COACH_MIRROR, {
        instrumentId: "coach-mirror",
        instrumentVersion: "1.0.0",
        answers: { ...base, overall, "in-the-way": "Phone calls" },
      });
    const low = answersWith(6);
    const high = answersWith(7);
    expect(low.ok && low.value.answers["in-the-way"]).toBe("Phone calls");
    expect(high.ok && Object.hasOwn(high.value.answers, "in-the-way")).toBe(false);
  });
});
