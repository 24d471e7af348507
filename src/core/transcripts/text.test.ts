import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WORD, wordCount, wordsOf } from "./text.ts";

/** The reference: the WORD pattern itself. */
const byPattern = (text: string) => text.toLowerCase().replace(/’/g, "'").match(WORD) ?? [];

describe("words", () => {
  it("keeps apostrophe-joined letters in one word and splits on everything else", () => {
    expect(wordsOf("Don’t say it's 9'5, rock'n'roll—OK?")).toEqual([
      "don't",
      "say",
      "it's",
      "9",
      "5",
      "rock'n'roll",
      "ok",
    ]);
    expect(wordsOf("Ab'cd2 ’tis Zürich 𝒳y 東京")).toEqual(["ab'cd", "2", "tis", "zürich", "𝒳y", "東京"]);
    expect(wordCount("  Mm-hm. I see…  ")).toBe(4);
  });

  it("finds exactly the matches of the word pattern in arbitrary text", () => {
    const pieces = fc.constantFrom(
      "a",
      "Z",
      "é",
      "9",
      "'",
      "’",
      " ",
      "-",
      ".",
      "𝒳",
      "😀",
      "İ",
      "東",
      "\u0301",
    );
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(pieces, { maxLength: 40 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(wordsOf(t)).toEqual(byPattern(t));
        expect(wordCount(t)).toBe((t.match(WORD) ?? []).length);
      }),
      { numRuns: 2000 },
    );
  });
});
