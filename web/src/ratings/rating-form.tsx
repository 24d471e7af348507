// The coachee's rating form: every shown item of the instrument, checked before sending, one "Send rating".
import { type FormEvent, useState } from "react";
import { type ApiError, toApiError } from "../api.ts";
import type { AnswerValue, InstrumentDefinition, RatingScores } from "../types.ts";
import { ErrorAlert } from "../ui/messages.tsx";
import { answersToSend, missingRequired, shownItemIds } from "./enable-when.ts";
import { itemElementId, RatingItem } from "./rating-item.tsx";
import { submitRating } from "./ratings.api.ts";

interface RatingFormProps {
  token: string;
  instrument: InstrumentDefinition;
  onSent: (scores: RatingScores) => void;
  /** A link that stopped working (410) or a cancelled session (409) while the form was open. */
  onLinkClosed: (error: ApiError) => void;
}

const ANSWER_NEEDED = "Please choose an answer.";

/** Puts the keyboard focus on the item's chosen option, else its first control. */
function focusItem(itemId: string): void {
  const element = document.getElementById(itemElementId(itemId));
  const control =
    element?.querySelector<HTMLElement>("input:checked") ??
    element?.querySelector<HTMLElement>("input, textarea") ??
    null;
  control?.focus();
}

/** The item a 400 names (`body.answers.overall` → `overall`), if the form shows it. */
function itemOfField(field: string | undefined, shown: ReadonlySet<string>): string | null {
  const prefix = "body.answers.";
  if (field === undefined || !field.startsWith(prefix)) return null;
  const itemId = field.slice(prefix.length);
  return shown.has(itemId) ? itemId : null;
}

export function RatingForm({ token, instrument, onSent, onLinkClosed }: RatingFormProps) {
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = shownItemIds(instrument.items, answers);

  function answer(itemId: string, value: AnswerValue): void {
    setAnswers((prev) => ({ ...prev, [itemId]: value }));
    if (itemErrors[itemId] !== undefined) {
      setItemErrors(({ [itemId]: _answered, ...rest }) => rest);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const missing = missingRequired(instrument.items, answers);
    if (missing.length > 0) {
      setItemErrors(Object.fromEntries(missing.map((id) => [id, ANSWER_NEEDED])));
      setFormError(
        missing.length === 1
          ? "One question still needs an answer."
          : `${missing.length} questions still need an answer.`,
      );
      const [first] = missing;
      if (first !== undefined) focusItem(first);
      return;
    }
    setBusy(true);
    setItemErrors({});
    setFormError(null);
    try {
      onSent(await submitRating(token, answersToSend(instrument.items, answers)));
    } catch (caught) {
      const error = toApiError(caught);
      setBusy(false);
      if (error.status === 410 || error.status === 409) {
        onLinkClosed(error);
        return;
      }
      const itemId = error.status === 400 ? itemOfField(error.field, shown) : null;
      if (itemId === null) {
        setFormError(error.message);
      } else {
        setItemErrors({ [itemId]: error.message });
        setFormError("Please check the answer marked above.");
        focusItem(itemId);
      }
    }
  }

  return (
    <form className="rating-form" onSubmit={onSubmit} noValidate>
      {instrument.items
        .filter((item) => shown.has(item.id))
        .map((item) => (
          <RatingItem
            key={item.id}
            item={item}
            answer={answers[item.id]}
            error={itemErrors[item.id]}
            onAnswer={(value) => answer(item.id, value)}
          />
        ))}
      <ErrorAlert error={formError} />
      <div className="rating-actions">
        <button type="submit" className="button button-large" disabled={busy}>
          Send rating
        </button>
      </div>
    </form>
  );
}
