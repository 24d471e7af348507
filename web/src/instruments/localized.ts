// Picks the text to show from an instrument's localized text: English, else its first language.
import type { LocalizedText } from "../types.ts";

export function localized(text: LocalizedText | undefined): string {
  if (text === undefined) return "";
  return text.en ?? Object.values(text)[0] ?? "";
}
