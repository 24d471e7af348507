// Validation of a response against its instrument: per-item errors that name the item id.

import { assertNever } from "../shared/brand.ts";
import { err, ok, type Result } from "../shared/result.ts";
import { conditionHolds } from "./enable-when.ts";
import type { Instrument, Item } from "./instrument.ts";
import { type AnswerValue, answerOf, type ResponseInput, type ValidResponse } from "./response.ts";

export type ResponseIssue =
  | { readonly code: "instrument_mismatch"; readonly itemId: null; readonly message: string }
  | {
      readonly code: "unknown_item" | "wrong_type" | "out_of_range" | "unknown_option" | "required_missing";
      readonly itemId: string;
      readonly message: string;
    };

export interface ValidateOptions {
  /**
   * Whether a shown required item must be answered (default `true`, for submissions). Offline scoring
   * of collected data passes `false` and lets the missing-data rule of `scoreResponse` decide.
   */
  readonly enforceRequired?: boolean;
}

type Parsed =
  | { readonly ok: true; readonly value: AnswerValue | undefined }
  | { readonly ok: false; readonly issue: ResponseIssue };

/**
 * Checks `input` against `instrument`: the instrument id and version must match; every answered id must
 * be an item of the instrument; each answer must have the item's type and lie in its range (scale: a
 * whole number from min to max; choice: one of the option codes; text: at most `maxLength` characters;
 * boolean: true or false); every shown required item must be answered. Blank text, `null` and
 * `undefined` count as unanswered. Answers to items hidden by `enableWhen` are dropped, not errors (a
 * form may send them after the respondent changed the answer that showed them).
 * Returns the typed response, or every issue found, each naming its item.
 */
export function validateResponse(
  instrument: Instrument,
  input: ResponseInput,
  options: ValidateOptions = {},
): Result<ValidResponse, readonly ResponseIssue[]> {
  const enforceRequired = options.enforceRequired ?? true;
  if (input.instrumentId !== instrument.id || input.instrumentVersion !== instrument.version) {
    return err([
      {
        code: "instrument_mismatch",
        itemId: null,
        message: `This response is for ${input.instrumentId} ${input.instrumentVersion}, not ${instrument.id} ${instrument.version}.`,
      },
    ]);
  }
  const issues: ResponseIssue[] = [];
  const known = new Set(instrument.items.map((item) => item.id));
  for (const itemId of Object.keys(input.answers)) {
    if (!known.has(itemId)) {
      issues.push({
        code: "unknown_item",
        itemId,
        message: `Item "${itemId}" is not part of ${instrument.id}.`,
      });
    }
  }

  const answers: Record<string, AnswerValue> = {};
  const shown = new Set<string>();
  for (const item of instrument.items) {
    const condition = item.enableWhen;
    if (condition !== undefined) {
      const controlling = shown.has(condition.item) ? answerOf(answers, condition.item) : undefined;
      if (!conditionHolds(condition, controlling)) continue;
    }
    shown.add(item.id);
    const parsed = parseAnswer(
      item,
      Object.hasOwn(input.answers, item.id) ? input.answers[item.id] : undefined,
    );
    if (!parsed.ok) {
      issues.push(parsed.issue);
    } else if (parsed.value !== undefined) {
      answers[item.id] = parsed.value;
    } else if (item.required && enforceRequired) {
      issues.push({
        code: "required_missing",
        itemId: item.id,
        message: `Item "${item.id}" needs an answer.`,
      });
    }
  }
  if (issues.length > 0) return err(issues);
  return ok({
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answers,
  } as ValidResponse);
}

function parseAnswer(item: Item, raw: unknown): Parsed {
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  const wrongType = (expected: string): Parsed => ({
    ok: false,
    issue: {
      code: "wrong_type",
      itemId: item.id,
      message: `Item "${item.id}" expects ${expected}, got ${describe(raw)}.`,
    },
  });
  switch (item.kind) {
    case "scale": {
      if (typeof raw !== "number" || !Number.isInteger(raw)) return wrongType("a whole number");
      if (raw < item.min || raw > item.max) {
        return {
          ok: false,
          issue: {
            code: "out_of_range",
            itemId: item.id,
            message: `Item "${item.id}" accepts ${item.min} to ${item.max}, got ${raw}.`,
          },
        };
      }
      return { ok: true, value: raw };
    }
    case "choice": {
      if (typeof raw !== "string") return wrongType("an option code");
      if (!item.options.some((option) => option.code === raw)) {
        const codes = item.options.map((option) => option.code).join(", ");
        return {
          ok: false,
          issue: {
            code: "unknown_option",
            itemId: item.id,
            message: `Item "${item.id}" has no option "${raw}" (options: ${codes}).`,
          },
        };
      }
      return { ok: true, value: raw };
    }
    case "boolean":
      if (typeof raw !== "boolean") return wrongType("true or false");
      return { ok: true, value: raw };
    case "text": {
      if (typeof raw !== "string") return wrongType("text");
      const text = raw.trim();
      if (text === "") return { ok: true, value: undefined };
      if (text.length > item.maxLength) {
        return {
          ok: false,
          issue: {
            code: "out_of_range",
            itemId: item.id,
            message: `Item "${item.id}" accepts at most ${item.maxLength} characters, got ${text.length}.`,
          },
        };
      }
      return { ok: true, value: text };
    }
    default:
      return assertNever(item);
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return `text "${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : typeof value;
}
