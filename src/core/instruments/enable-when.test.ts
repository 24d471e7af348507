import { describe, expect, it } from "vitest";
import { conditionHolds, shownItemIds } from "./enable-when.ts";
import type { EnableWhen, Instrument } from "./instrument.ts";

const en = (text: string) => ({ en: text });

describe("conditionHolds", () => {
  it.each([
    // operator, condition answer, given answer, holds
    ["=", "yes", "yes", true],
    ["=", "yes", "no", false],
    ["!=", "yes", "no", true],
    ["!=", "yes", "yes", false],
    [">=", 6, 6, true],
    [">=", 6, 5, false],
    ["<=", 6, 6, true],
    ["<=", 6, 7, false],
    ["=", true, true, true],
    ["=", true, false, false],
    [">=", 6, "7", false],
  ] as const)("%s %j against %j → %s", (operator, answer, given, holds) => {
    const condition: EnableWhen = { item: "x", operator, answer };
    expect(conditionHolds(condition, given)).toBe(holds);
  });

  it("is false for every operator when the controlling item is unanswered, != included", () => {
    for (const operator of ["=", "!=", ">=", "<="] as const) {
      expect(conditionHolds({ item: "x", operator, answer: 1 }, undefined)).toBe(false);
    }
  });
});

describe("shownItemIds", () => {
  const chain: Instrument = {
    id: "chain",
    version: "1.0.0",
    title: en("Chain"),
    licence: "Test fixture",
    languages: ["en"],
    items: [
      { id: "a", kind: "boolean", text: en("a"), required: true, reversed: false },
      {
        id: "b",
        kind: "scale",
        text: en("b"),
        required: true,
        min: 0,
        max: 10,
        reversed: false,
        enableWhen: { item: "a", operator: "=", answer: true },
      },
      {
        id: "c",
        kind: "text",
        text: en("c"),
        required: false,
        maxLength: 50,
        enableWhen: { item: "b", operator: "<=", answer: 3 },
      },
    ],
    subscales: [],
    scoring: { total: null },
  };

  it.each([
    [{}, ["a"]],
    [{ a: false, b: 2 }, ["a"]],
    [{ a: true }, ["a", "b"]],
    [{ a: true, b: 4 }, ["a", "b"]],
    [{ a: true, b: 3 }, ["a", "b", "c"]],
  ])("shows %j → %j (hiding cascades down the chain)", (answers, shown) => {
    expect([...shownItemIds(chain, answers)]).toEqual(shown);
  });
});
