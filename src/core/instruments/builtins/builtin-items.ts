// Shared pieces of the built-in instruments: their licence, English texts and the 0–10 item they mostly use.

import type { LocalizedText, ScaleItem, TextItem } from "../instrument.ts";

/** Licence of the instruments Alliance wrote itself (their wording is ours, not WAI, SRS or ORS). */
export const ALLIANCE_INSTRUMENT_LICENCE =
  "© The Alliance contributors. Licensed under Creative Commons Attribution 4.0 International (CC BY 4.0, " +
  "https://creativecommons.org/licenses/by/4.0/): free to use, translate and adapt with attribution.";

/** The built-ins are written in English; more languages are added as further keys of each text. */
export const BUILTIN_LANGUAGES = ["en"] as const;

/** An English-only text. */
export function en(text: string): LocalizedText {
  return { en: text };
}

/** A required whole-number item from 0 ("not at all") to 10 ("completely"), shown as a slider. */
export function zeroToTen(id: string, text: string): ScaleItem {
  return {
    id,
    kind: "scale",
    text: en(text),
    required: true,
    min: 0,
    max: 10,
    minLabel: en("Not at all"),
    maxLabel: en("Completely"),
    reversed: false,
  };
}

/** An optional free-text item. */
export function optionalText(id: string, text: string, maxLength = 2000): TextItem {
  return { id, kind: "text", text: en(text), required: false, maxLength };
}
