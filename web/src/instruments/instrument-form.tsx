// Any instrument as a form: every shown item drawn from its data, checked before sending, one submit
// button; a 400 that names an item (`body.answers.<item>`) is shown next to that item.
import { type FormEvent, useId, useState } from "react";
import { type ApiError, toApiError } from "../api.ts";
import type { AnswerValue, InstrumentDefinition } from "../types.ts";
import { ErrorAlert } from "../ui/messages.tsx";
import { answersToSend, invalidAnswers, missingRequired, shownItemIds } from "./answers.ts";
import { InstrumentItemField } from "./instrument-item.tsx";

export interface InstrumentFormProps {
  instrument: InstrumentDefinition;
  /** The submit button's text ("Send rating", "Save reflection"). */
  submitLabel: string;
  /** Sends the answers; an ApiError it throws is shown by the form unless `onFailure` handles it. */
  submit: (answers: Record<string, AnswerValue>) => Promise<void>;
  /** Handles an error elsewhere (e.g. a link that stopped working) by returning true. */
  onFailure?: (error: ApiError) => boolean;
  /**
   * The item a 400's field names when the field is not an item id (the API may name the Coach mirror's
   * prediction `body.answers.prediction`), e.g. `{ prediction: "predicted-total" }`.
   */
  fieldAliases?: Readonly<Record<string, string>>;
  /** The id of the heading that names the form (a page with several forms). */
  labelledBy?: string;
  /** A full-width, tall button (the phone-first rating page). */
  largeButton?: boolean;
  /** Answers to start from (a step returned to); the form keeps its own changes after that. */
  initialAnswers?: Readonly<Record<string, AnswerValue>>;
  /** A second button beside the submit (e.g. "Skip this one"); it sends nothing from this form. */
  secondary?: { label: string; onClick: () => void };
  className?: string;
}

const ANSWER_NEEDED = "Please choose an answer.";
const NUMBER_NEEDED = "Please enter a number.";

/** Puts the keyboard focus on the item's chosen option, else its first control. */
function focusItem(elementId: string): void {
  const element = document.getElementById(elementId);
  const control =
    element?.querySelector<HTMLElement>("input:checked") ??
    element?.querySelector<HTMLElement>("input, textarea") ??
    null;
  control?.focus();
}

/** The item a 400 names (`body.answers.overall` → `overall`), if the form shows it. */
function itemOfField(
  field: string | undefined,
  shown: ReadonlySet<string>,
  aliases: Readonly<Record<string, string>>,
): string | null {
  const prefix = "body.answers.";
  if (field === undefined || !field.startsWith(prefix)) return null;
  const named = field.slice(prefix.length);
  const itemId = shown.has(named) ? named : aliases[named];
  return itemId !== undefined && shown.has(itemId) ? itemId : null;
}

function needsAnswerText(count: number): string {
  return count === 1 ? "One question still needs an answer." : `${count} questions still need an answer.`;
}

export function InstrumentForm({
  instrument,
  submitLabel,
  submit,
  onFailure,
  fieldAliases = {},
  labelledBy,
  largeButton = false,
  secondary,
  initialAnswers,
  className,
}: InstrumentFormProps) {
  const formId = useId();
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(() => ({ ...initialAnswers }));
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = instrument.items;
  const shown = shownItemIds(items, answers);
  const elementId = (itemId: string): string => `${formId}-item-${itemId}`;

  function answer(itemId: string, value: AnswerValue): void {
    setAnswers((prev) => ({ ...prev, [itemId]: value }));
    if (itemErrors[itemId] !== undefined) {
      setItemErrors(({ [itemId]: _answered, ...rest }) => rest);
    }
  }

  /** Marks what is missing or invalid and focuses the first; false when the answers may be sent. */
  function checked(): boolean {
    const invalid = invalidAnswers(items, answers);
    const missing = missingRequired(items, answers).filter((id) => invalid[id] === undefined);
    const problems: Record<string, string> = { ...invalid };
    for (const id of missing) {
      const item = items.find((candidate) => candidate.id === id);
      problems[id] =
        item?.kind === "scale" && typeof answers[id] === "string" ? NUMBER_NEEDED : ANSWER_NEEDED;
    }
    const ids = items.map((item) => item.id).filter((id) => problems[id] !== undefined);
    if (ids.length === 0) return true;
    setItemErrors(problems);
    setFormError(
      missing.length === ids.length ? needsAnswerText(ids.length) : "Please check the answers marked above.",
    );
    const [first] = ids;
    if (first !== undefined) focusItem(elementId(first));
    return false;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy || !checked()) return;
    setBusy(true);
    setItemErrors({});
    setFormError(null);
    try {
      await submit(answersToSend(items, answers));
    } catch (caught) {
      const error = toApiError(caught);
      if (onFailure?.(error) === true) return;
      const itemId = error.status === 400 ? itemOfField(error.field, shown, fieldAliases) : null;
      if (itemId === null) {
        setFormError(error.message);
      } else {
        setItemErrors({ [itemId]: error.message });
        setFormError("Please check the answer marked above.");
        focusItem(elementId(itemId));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={className === undefined ? "rating-form" : `rating-form ${className}`}
      aria-labelledby={labelledBy}
      onSubmit={onSubmit}
      noValidate
    >
      {items
        .filter((item) => shown.has(item.id))
        .map((item) => (
          <InstrumentItemField
            key={item.id}
            item={item}
            baseId={elementId(item.id)}
            answer={answers[item.id]}
            error={itemErrors[item.id]}
            onAnswer={(value) => answer(item.id, value)}
          />
        ))}
      <ErrorAlert error={formError} />
      <div className="rating-actions">
        <button type="submit" className={largeButton ? "button button-large" : "button"} disabled={busy}>
          {submitLabel}
        </button>
        {secondary && (
          <button
            type="button"
            className={largeButton ? "button button-secondary button-large" : "button button-secondary"}
            disabled={busy}
            onClick={secondary.onClick}
          >
            {secondary.label}
          </button>
        )}
      </div>
    </form>
  );
}
