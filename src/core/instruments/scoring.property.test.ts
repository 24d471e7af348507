import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALLIANCE_CHECK, ALLIANCE_CHECK_RATED_ITEMS } from "./builtins/alliance-check.ts";
import { fromFhirQuestionnaire, toFhirQuestionnaire } from "./fhir-questionnaire.ts";
import type { Instrument, Item, ScaleMethod } from "./instrument.ts";
import { loadInstrument } from "./instrument-loader.ts";
import { BUILTIN_INSTRUMENTS } from "./registry.ts";
import type { AnswerValue } from "./response.ts";
import { validateResponse } from "./response-validation.ts";
import { type ScaleScore, type ScoreReport, scoreResponse, withinMissingRule } from "./scoring.ts";

const en = (text: string) => ({ en: text });

/** A valid answer for `item`. */
function arbAnswer(item: Item): fc.Arbitrary<AnswerValue> {
  switch (item.kind) {
    case "scale":
      return fc.integer({ min: item.min, max: item.max });
    case "choice":
      return fc.constantFrom(...item.options.map((option) => option.code));
    case "boolean":
      return fc.boolean();
    case "text":
      return fc.string({ minLength: 1, maxLength: 20 }).filter((text) => text.trim() !== "");
  }
}

/** Answers for every item; with `skipOneIn`, each is left out with probability 1 / (skipOneIn + 1). */
function arbAnswers(instrument: Instrument, skipOneIn?: number): fc.Arbitrary<Record<string, AnswerValue>> {
  const entries = instrument.items.map((item) =>
    (skipOneIn === undefined
      ? arbAnswer(item)
      : fc.option(arbAnswer(item), { nil: undefined, freq: skipOneIn })
    ).map((value) => [item.id, value] as const),
  );
  return fc.tuple(...entries).map((pairs) => {
    const answers: Record<string, AnswerValue> = {};
    for (const [id, value] of pairs) if (value !== undefined) answers[id] = value;
    return answers;
  });
}

function arbInstrument(): fc.Arbitrary<Instrument> {
  const arbItem = (index: number): fc.Arbitrary<Item> => {
    const id = `q${index}`;
    const base = { id, text: en(`Question ${index}`) };
    return fc.oneof(
      fc
        .record({
          min: fc.integer({ min: -5, max: 5 }),
          span: fc.integer({ min: 1, max: 12 }),
          reversed: fc.boolean(),
          required: fc.boolean(),
        })
        .map(
          ({ min, span, reversed, required }): Item => ({
            ...base,
            kind: "scale",
            min,
            max: min + span,
            reversed,
            required,
          }),
        ),
      fc
        .record({
          scores: fc.array(fc.integer({ min: -3, max: 9 }), { minLength: 2, maxLength: 5 }),
          reversed: fc.boolean(),
          required: fc.boolean(),
        })
        .map(
          ({ scores, reversed, required }): Item => ({
            ...base,
            kind: "choice",
            options: scores.map((score, option) => ({
              code: `o${option}`,
              label: en(`Option ${option}`),
              score,
            })),
            reversed,
            required,
          }),
        ),
      fc
        .record({ reversed: fc.boolean(), required: fc.boolean() })
        .map((flags): Item => ({ ...base, kind: "boolean", ...flags })),
      fc.boolean().map((required): Item => ({ ...base, kind: "text", required, maxLength: 100 })),
    );
  };
  const method = fc.constantFrom<ScaleMethod>("sum", "mean");
  return fc
    .integer({ min: 1, max: 12 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => arbItem(index + 1))))
    .chain((items) => {
      const scored = items.filter((item) => item.kind !== "text").map((item) => item.id);
      if (scored.length === 0) {
        return fc.constant<Instrument>({
          id: "generated",
          version: "1.0.0",
          title: en("Generated"),
          licence: "Generated for a property test",
          languages: ["en"],
          items,
          subscales: [],
          scoring: { total: null },
        });
      }
      const subset = fc.subarray(scored, { minLength: 1 });
      return fc
        .record({
          subscales: fc.array(fc.record({ items: subset, method }), { maxLength: 3 }),
          totalMethod: method,
          rescale: fc.option(
            fc.record({ min: fc.integer({ min: -10, max: 10 }), span: fc.integer({ min: 1, max: 100 }) }),
            { nil: undefined },
          ),
        })
        .map(
          ({ subscales, totalMethod, rescale }): Instrument => ({
            id: "generated",
            version: "1.0.0",
            title: en("Generated"),
            licence: "Generated for a property test",
            languages: ["en"],
            items,
            subscales: subscales.map((subscale, index) => ({
              id: `s${index}`,
              title: en(`Subscale ${index}`),
              ...subscale,
            })),
            scoring: {
              total: {
                items: scored,
                method: totalMethod,
                ...(rescale === undefined
                  ? {}
                  : { rescale: { min: rescale.min, max: rescale.min + rescale.span } }),
              },
            },
          }),
        );
    });
}

function score(instrument: Instrument, answers: Record<string, AnswerValue>): ScoreReport {
  const response = validateResponse(
    instrument,
    { instrumentId: instrument.id, instrumentVersion: instrument.version, answers },
    { enforceRequired: false },
  );
  if (!response.ok) throw new Error(JSON.stringify(response.error));
  return scoreResponse(instrument, response.value);
}

/** Every scale of the report obeys the missing-data rule and, when scored, lies in its range. */
function expectScalesLawful(instrument: Instrument, report: ScoreReport): void {
  const statusOf = new Map(report.items.map((item) => [item.itemId, item.status]));
  const check = (items: readonly string[], result: ScaleScore) => {
    const shown = items.filter((id) => statusOf.get(id) !== "hidden").length;
    const missing = items.filter((id) => statusOf.get(id) === "missing").length;
    if (shown === 0) {
      expect(result.status).toBe("not_shown");
    } else if (withinMissingRule(missing, shown)) {
      expect(result.status).toBe("scored");
      if (result.status !== "scored") return;
      expect(result.value).toBeGreaterThanOrEqual(result.range.min);
      expect(result.value).toBeLessThanOrEqual(result.range.max);
      expect(result.prorated).toBe(missing > 0);
    } else {
      expect(result.status).toBe("too_many_missing");
    }
  };
  instrument.subscales.forEach((subscale, index) => {
    const result = report.subscales[index];
    if (result === undefined) throw new Error(`no score for subscale ${subscale.id}`);
    check(subscale.items, result.score);
  });
  const total = instrument.scoring.total;
  if (total !== null) {
    if (report.total === null) throw new Error("no total");
    check(total.items, report.total);
  }
}

describe("scoring properties", () => {
  it.each(BUILTIN_INSTRUMENTS.map((instrument) => [instrument.id, instrument] as const))(
    "scores every complete response to %s within range",
    (_id, instrument) => {
      fc.assert(
        fc.property(arbAnswers(instrument), (answers) => {
          const report = score(instrument, answers);
          for (const scale of [report.total, ...report.subscales.map((subscale) => subscale.score)]) {
            if (scale === null || scale.status === "not_shown") continue;
            expect(scale.status).toBe("scored");
          }
          expectScalesLawful(instrument, report);
        }),
      );
    },
  );

  it.each(BUILTIN_INSTRUMENTS.map((instrument) => [instrument.id, instrument] as const))(
    "scores responses to %s with skipped items within range, or not at all above 20 % missing",
    (_id, instrument) => {
      fc.assert(
        fc.property(arbAnswers(instrument, 4), (answers) =>
          expectScalesLawful(instrument, score(instrument, answers)),
        ),
      );
    },
  );

  it("keeps the Alliance Check total in 0–40 whenever at most one rated item of seven is skipped", () => {
    const arbRatings = fc.tuple(
      fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 7, maxLength: 7 }),
      fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    );
    fc.assert(
      fc.property(arbRatings, ([ratings, skipped]) => {
        const answers: Record<string, AnswerValue> = {};
        ALLIANCE_CHECK_RATED_ITEMS.forEach((id, index) => {
          if (index !== skipped) answers[id] = ratings[index] ?? 0;
        });
        const total = score(ALLIANCE_CHECK, answers).total;
        expect(total?.status).toBe("scored");
        if (total?.status !== "scored") return;
        expect(total.value).toBeGreaterThanOrEqual(0);
        expect(total.value).toBeLessThanOrEqual(40);
        if (skipped === undefined) {
          const sum = ratings.reduce((a, b) => a + b, 0);
          expect(total.value).toBeCloseTo((sum * 40) / 70, 9);
        }
      }),
    );
  });

  it("scores any generated instrument lawfully (reverse keys, odd ranges, negative option scores, rescaling)", () => {
    const arbCase = arbInstrument().chain((instrument) =>
      fc.tuple(fc.constant(instrument), arbAnswers(instrument, 5)),
    );
    fc.assert(
      fc.property(arbCase, ([instrument, answers]) =>
        expectScalesLawful(instrument, score(instrument, answers)),
      ),
      {
        numRuns: 300,
      },
    );
  });

  it("loads any generated instrument and round-trips it through FHIR unchanged", () => {
    fc.assert(
      fc.property(arbInstrument(), (instrument) => {
        expect(loadInstrument(JSON.parse(JSON.stringify(instrument)))).toEqual({
          ok: true,
          value: instrument,
        });
        const json = JSON.parse(JSON.stringify(toFhirQuestionnaire(instrument)));
        expect(fromFhirQuestionnaire(json)).toEqual({ ok: true, value: instrument });
      }),
      { numRuns: 200 },
    );
  });
});
