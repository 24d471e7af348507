// Which items of an instrument are shown for the answers so far (the rule of docs/instruments.md).
import type { AnswerValue, EnableWhen, InstrumentItem } from "../types.ts";

function meets(condition: EnableWhen, answer: AnswerValue): boolean {
  switch (condition.operator) {
    case "=":
      return answer === condition.answer;
    case "!=":
      return answer !== condition.answer;
    case ">=":
      return typeof answer === "number" && typeof condition.answer === "number" && answer >= condition.answer;
    case "<=":
      return typeof answer === "number" && typeof condition.answer === "number" && answer <= condition.answer;
  }
}

/**
 * The ids of the items shown: an item with `enableWhen` is shown only when its controlling (earlier)
 * item is shown, answered and meets the condition; an unanswered controlling item makes every
 * condition false, `!=` included.
 */
export function shownItemIds(
  items: readonly InstrumentItem[],
  answers: Readonly<Record<string, AnswerValue>>,
): Set<string> {
  const shown = new Set<string>();
  for (const item of items) {
    const condition = item.enableWhen;
    if (condition === undefined) {
      shown.add(item.id);
      continue;
    }
    const answer = answers[condition.item];
    if (shown.has(condition.item) && answer !== undefined && meets(condition, answer)) shown.add(item.id);
  }
  return shown;
}

/** The answers to send: only shown items, without empty text. */
export function answersToSend(
  items: readonly InstrumentItem[],
  answers: Readonly<Record<string, AnswerValue>>,
): Record<string, AnswerValue> {
  const shown = shownItemIds(items, answers);
  const result: Record<string, AnswerValue> = {};
  for (const item of items) {
    const answer = answers[item.id];
    if (!shown.has(item.id) || answer === undefined) continue;
    if (typeof answer === "string" && item.kind === "text") {
      const text = answer.trim();
      if (text !== "") result[item.id] = text;
    } else {
      result[item.id] = answer;
    }
  }
  return result;
}

/** The shown required items still without an answer, in order. */
export function missingRequired(
  items: readonly InstrumentItem[],
  answers: Readonly<Record<string, AnswerValue>>,
): string[] {
  const sent = answersToSend(items, answers);
  const shown = shownItemIds(items, answers);
  return items.filter((item) => item.required && shown.has(item.id) && !(item.id in sent)).map((i) => i.id);
}
