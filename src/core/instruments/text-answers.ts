// Turns answers written as text (a CSV cell, a form field) into typed answers for an instrument's items.

import type { Instrument } from "./instrument.ts";
import type { AnswerValue } from "./response.ts";

export type TextAnswerIssue = { readonly itemId: string; readonly message: string };

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

/**
 * Reads `cells` (item id → text) as answers: scale items as whole numbers, boolean items as yes/no
 * (also true/false, 1/0), choice items as option codes, text items as they are. An empty cell is "not
 * answered". Unknown ids and unreadable cells are issues naming the item; ranges are checked later by
 * `validateResponse`.
 */
export function answersFromText(
  instrument: Instrument,
  cells: Readonly<Record<string, string>>,
): { readonly answers: Record<string, AnswerValue>; readonly issues: readonly TextAnswerIssue[] } {
  const answers: Record<string, AnswerValue> = {};
  const issues: TextAnswerIssue[] = [];
  for (const [itemId, raw] of Object.entries(cells)) {
    const item = instrument.items.find((candidate) => candidate.id === itemId);
    if (!item) {
      issues.push({ itemId, message: `"${itemId}" is not an item of ${instrument.id}.` });
      continue;
    }
    const text = raw.trim();
    if (text === "") continue;
    switch (item.kind) {
      case "scale": {
        const value = Number(text);
        if (!Number.isFinite(value))
          issues.push({ itemId, message: `Item "${itemId}" needs a number, got "${text}".` });
        else answers[itemId] = value;
        break;
      }
      case "boolean": {
        const lower = text.toLowerCase();
        if (YES.has(lower)) answers[itemId] = true;
        else if (NO.has(lower)) answers[itemId] = false;
        else issues.push({ itemId, message: `Item "${itemId}" needs yes or no, got "${text}".` });
        break;
      }
      case "choice":
        answers[itemId] = text;
        break;
      case "text":
        answers[itemId] = raw;
        break;
    }
  }
  return { answers, issues };
}
