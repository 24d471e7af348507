import { describe, expect, it } from "vitest";
import licensed from "./fixtures/licensed-instrument.json" with { type: "json" };
import { type LoadIssue, loadInstrument } from "./instrument-loader.ts";
import { BUILTIN_INSTRUMENTS } from "./registry.ts";
import { validateResponse } from "./response-validation.ts";
import { scoreResponse } from "./scoring.ts";

/** The licensed fixture with each `[path, value]` set in a deep copy (`undefined` deletes). */
function variant(...changes: readonly (readonly [string, unknown])[]): unknown {
  const copy: unknown = structuredClone(licensed);
  for (const [path, value] of changes) {
    const keys = path.split(".");
    const last = keys.pop() as string;
    let node = copy as Record<string, unknown>;
    for (const key of keys) node = node[key] as Record<string, unknown>;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return copy;
}

function issuesOf(json: unknown): readonly LoadIssue[] {
  const result = loadInstrument(json);
  return result.ok ? [] : result.error;
}

describe("loadInstrument", () => {
  it.each(BUILTIN_INSTRUMENTS.map((instrument) => [instrument.id, instrument] as const))(
    "accepts the built-in %s unchanged",
    (_id, instrument) => {
      expect(loadInstrument(JSON.parse(JSON.stringify(instrument)))).toEqual({ ok: true, value: instrument });
    },
  );

  it("loads a licensed third-party instrument from JSON, with defaults filled in, and scores it", () => {
    const result = loadInstrument(licensed);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const instrument = result.value;
    expect(instrument.licence).toContain("Example Press");
    expect(instrument.languages).toEqual(["en", "de"]);
    expect(instrument.items.map((item) => [item.id, item.kind, item.required])).toEqual([
      ["tcp-1", "choice", true],
      ["tcp-2", "choice", true],
      ["tcp-3", "scale", true],
      ["tcp-4", "text", false],
      ["tcp-5", "boolean", false],
    ]);
    expect(instrument.items[4]).toMatchObject({ reversed: false });
    const response = validateResponse(instrument, {
      instrumentId: "team-climate-pulse",
      instrumentVersion: "2.0.0",
      answers: { "tcp-1": "4", "tcp-2": "1", "tcp-3": 7 },
    });
    if (!response.ok) throw new Error(JSON.stringify(response.error));
    // 4 + (1 + 4 − 1 = 4) + 7 = 15 of 3…15 → 100 of 0–100
    expect(scoreResponse(instrument, response.value).total).toMatchObject({ status: "scored", value: 100 });
  });

  it.each([
    ["not an object", [], "", null, "An instrument definition must be a JSON object."],
    ["a bad id", variant(["id", "team climate"]), "id", null, "id must be letters"],
    ["a bad version", variant(["version", "v2"]), "version", null, "a semantic version"],
    ["no licence", variant(["licence", undefined]), "licence", null, "licence must be non-empty text."],
    [
      "a missing translation",
      variant(["items.2.text.de", undefined]),
      "items[2].text.de",
      "tcp-3",
      'has no "de" text',
    ],
    [
      "an undeclared language",
      variant(["title.fr", "Climat"]),
      "title.fr",
      null,
      "not one of the instrument's languages",
    ],
    [
      "a duplicate item id",
      variant(["items.1.id", "tcp-1"]),
      "items[1].id",
      "tcp-1",
      'Item id "tcp-1" is used twice.',
    ],
    ["an unknown kind", variant(["items.0.kind", "slider"]), "items[0].kind", "tcp-1", "kind must be one of"],
    [
      "a typo in a field",
      variant(["items.0.requried", true]),
      "items[0].requried",
      "tcp-1",
      'Unknown field "requried" in item "tcp-1".',
    ],
    [
      "min not below max",
      variant(["items.2.min", 7]),
      "items[2].max",
      "tcp-3",
      'Item "tcp-3": max (7) must be greater than min (7).',
    ],
    [
      "a fractional bound",
      variant(["items.2.max", 7.5]),
      "items[2].max",
      "tcp-3",
      "max must be a whole number",
    ],
    [
      "an option without score",
      variant(["items.0.options.1.score", undefined]),
      "items[0].options[1].score",
      "tcp-1",
      "needs a numeric score",
    ],
    [
      "a duplicate option code",
      variant(["items.0.options.1.code", "1"]),
      "items[0].options[1].code",
      "tcp-1",
      'option code "1" is used twice',
    ],
    [
      "a single option",
      variant(["items.0.options", licensed.items[0]?.options?.slice(0, 1)]),
      "items[0].options",
      "tcp-1",
      "at least two",
    ],
    [
      "enableWhen on a later item",
      variant(["items.3.enableWhen.item", "tcp-5"]),
      "items[3].enableWhen.item",
      "tcp-4",
      "must name an earlier item",
    ],
    [
      "enableWhen with a bad operator",
      variant(["items.3.enableWhen.operator", ">"]),
      "items[3].enableWhen.operator",
      "tcp-4",
      "must be one of",
    ],
    [
      "enableWhen with a wrong answer type",
      variant(["items.3.enableWhen.answer", "3"]),
      "items[3].enableWhen.answer",
      "tcp-4",
      "needs a whole number",
    ],
    [
      "a subscale of free text",
      variant(["subscales.0.items", ["tcp-1", "tcp-2", "tcp-4"]]),
      "subscales[0].items[2]",
      "tcp-4",
      "is free text and cannot be scored",
    ],
    [
      "a subscale of an unknown item",
      variant(["subscales.0.items", ["tcp-9"]]),
      "subscales[0].items[0]",
      null,
      'no item "tcp-9"',
    ],
    [
      "a bad method",
      variant(["scoring.total.method", "median"]),
      "scoring.total.method",
      null,
      'must be "sum" or "mean"',
    ],
    [
      "an empty rescale range",
      variant(["scoring.total.rescale", { min: 10, max: 10 }]),
      "scoring.total.rescale",
      null,
      "min < max",
    ],
    ["no scoring", variant(["scoring", undefined]), "scoring", null, "scoring must be an object"],
  ])("refuses %s, naming the path and item", (_case, json, path, itemId, message) => {
    const issues = issuesOf(json);
    expect(issues).toContainEqual({ path, itemId, message: expect.stringContaining(message) });
    for (const issue of issues)
      if (issue.itemId !== null) expect(issue.message).toContain(`"${issue.itemId}"`);
  });

  it("reports every problem of a definition at once", () => {
    const json = variant(["version", ""], ["items.0.kind", "slider"], ["items.2.min", 9]);
    expect(issuesOf(json).map((issue) => issue.path)).toEqual(["version", "items[0].kind", "items[2].max"]);
  });
});
