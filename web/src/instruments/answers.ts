// The answers of an instrument form: which items are shown (the rule of docs/instruments.md), what is
// sent, and what is still missing or invalid. A scale typed as a number is held as text while edited.
import type { AnswerValue, EnableWhen, InstrumentItem } from "../types.ts";

/** Answers as the form holds them: a wide scale's answer is the typed text until it is sent. */
export type DraftAnswers = Readonly<Record<string, AnswerValue>>;

/** Scales with more points than this are typed as a number rather than shown as a row of options. */
export const MAX_SCALE_OPTIONS = 11;

export function scaleRange(item: InstrumentItem): { min: number; max: number } {
  return { min: item.min ?? 0, max: item.max ?? 10 };
}

/** A scale with too many points for a row of options (the Coach mirror's 0–40 prediction). */
export function isNumberScale(item: InstrumentItem): boolean {
  const { min, max } = scaleRange(item);
  return item.kind === "scale" && max - min + 1 > MAX_SCALE_OPTIONS;
}

const WHOLE_NUMBER = /^\s*-?\d+\s*$/;

/** The answer as the server takes it: typed scale text as a number; empty or unreadable text as none. */
function normalized(item: InstrumentItem, answer: AnswerValue | undefined): AnswerValue | undefined {
  if (item.kind !== "scale" || typeof answer !== "string") return answer;
  return WHOLE_NUMBER.test(answer) ? Number(answer) : undefined;
}

function normalizedAll(items: readonly InstrumentItem[], answers: DraftAnswers): Record<string, AnswerValue> {
  const result: Record<string, AnswerValue> = {};
  for (const item of items) {
    const answer = normalized(item, answers[item.id]);
    if (answer !== undefined) result[item.id] = answer;
  }
  return result;
}

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
export function shownItemIds(items: readonly InstrumentItem[], draft: DraftAnswers): Set<string> {
  const answers = normalizedAll(items, draft);
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

/** The answers to send: only shown items, typed numbers as numbers, without empty text. */
export function answersToSend(
  items: readonly InstrumentItem[],
  draft: DraftAnswers,
): Record<string, AnswerValue> {
  const answers = normalizedAll(items, draft);
  const shown = shownItemIds(items, draft);
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

/** The shown required items still without an answer, in order (unreadable typed numbers count as none). */
export function missingRequired(items: readonly InstrumentItem[], draft: DraftAnswers): string[] {
  const sent = answersToSend(items, draft);
  const shown = shownItemIds(items, draft);
  return items.filter((item) => item.required && shown.has(item.id) && !(item.id in sent)).map((i) => i.id);
}

/** What to say about a typed number outside its scale, or text that is not a whole number. */
export function numberHint(item: InstrumentItem): string {
  const { min, max } = scaleRange(item);
  return `Enter a whole number from ${min} to ${max}.`;
}

/** The shown scale items whose typed answer is not a whole number in range, with what to say about each. */
export function invalidAnswers(
  items: readonly InstrumentItem[],
  draft: DraftAnswers,
): Record<string, string> {
  const shown = shownItemIds(items, draft);
  const problems: Record<string, string> = {};
  for (const item of items) {
    const raw = draft[item.id];
    if (!shown.has(item.id) || item.kind !== "scale" || raw === undefined) continue;
    if (typeof raw === "string" && raw.trim() === "") continue;
    const answer = normalized(item, raw);
    const { min, max } = scaleRange(item);
    if (typeof answer !== "number" || answer < min || answer > max) problems[item.id] = numberHint(item);
  }
  return problems;
}
