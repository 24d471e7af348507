// Conditional display: which items of an instrument are shown, given the answers so far.

import { assertNever } from "../shared/brand.ts";
import type { EnableWhen, Instrument } from "./instrument.ts";
import { type AnswerValue, answerOf } from "./response.ts";

/**
 * Whether a condition holds for the controlling item's answer. An unanswered (or hidden) controlling
 * item makes every condition false, `!=` included: a follow-up shows only after its trigger is answered.
 * `>=` and `<=` compare numbers; on any other type they are false.
 */
export function conditionHolds(condition: EnableWhen, answer: AnswerValue | undefined): boolean {
  if (answer === undefined) return false;
  switch (condition.operator) {
    case "=":
      return answer === condition.answer;
    case "!=":
      return answer !== condition.answer;
    case ">=":
      return typeof answer === "number" && typeof condition.answer === "number" && answer >= condition.answer;
    case "<=":
      return typeof answer === "number" && typeof condition.answer === "number" && answer <= condition.answer;
    default:
      return assertNever(condition.operator);
  }
}

/**
 * The ids of the items shown for these answers, in instrument order. An item with `enableWhen` is shown
 * when its controlling item (always an earlier one) is shown, answered, and meets the condition.
 * Answers to hidden items are ignored, so hiding cascades down a chain of conditions.
 */
export function shownItemIds(
  instrument: Instrument,
  answers: Readonly<Record<string, AnswerValue>>,
): ReadonlySet<string> {
  const shown = new Set<string>();
  for (const item of instrument.items) {
    const condition = item.enableWhen;
    if (condition === undefined) {
      shown.add(item.id);
      continue;
    }
    const controlling = shown.has(condition.item) ? answerOf(answers, condition.item) : undefined;
    if (conditionHolds(condition, controlling)) shown.add(item.id);
  }
  return shown;
}
