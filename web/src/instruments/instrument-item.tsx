// One item of an instrument form, drawn from its data: a row of radios for a short scale (0–10), a
// number field for a wide one (0–40), choices, yes/no, or free text.
import type { ReactNode } from "react";
import type { AnswerValue, InstrumentItem } from "../types.ts";
import { isNumberScale, MAX_SCALE_OPTIONS, numberHint, scaleRange } from "./answers.ts";
import { localized } from "./localized.ts";

export interface InstrumentItemProps {
  item: InstrumentItem;
  /** The id of the element that holds the item's controls, unique on the page (the form focuses into it). */
  baseId: string;
  answer: AnswerValue | undefined;
  error: string | undefined;
  onAnswer: (value: AnswerValue) => void;
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  if (error === undefined) return null;
  return (
    <p id={id} className="field-error">
      {error}
    </p>
  );
}

interface RadioOption {
  value: AnswerValue;
  label: string;
}

function optionsOf(item: InstrumentItem): RadioOption[] {
  switch (item.kind) {
    case "scale": {
      const { min, max } = scaleRange(item);
      return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => ({
        value: min + i,
        label: String(min + i),
      }));
    }
    case "choice":
      return (item.options ?? []).map((option) => ({ value: option.code, label: localized(option.label) }));
    case "boolean":
      return [
        { value: true, label: "Yes" },
        { value: false, label: "No" },
      ];
    case "text":
      return [];
  }
}

interface RadioItemProps extends InstrumentItemProps {
  /** A visually hidden description read with the group (the meaning of the scale's ends). */
  description?: string;
  /** Shown under the options, hidden from assistive technology (the description says it). */
  after?: ReactNode;
}

function RadioItem({ item, baseId, answer, error, onAnswer, description, after }: RadioItemProps) {
  const legendId = `${baseId}-legend`;
  const descriptionId = `${baseId}-description`;
  const errorId = `${baseId}-error`;
  const options = optionsOf(item);
  const isScale = item.kind === "scale";
  const describedBy = [description === undefined ? null : descriptionId, error === undefined ? null : errorId]
    .filter((id) => id !== null)
    .join(" ");
  return (
    <fieldset
      id={baseId}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows role="radiogroup" on a fieldset; its legend names the group.
      role="radiogroup"
      aria-labelledby={legendId}
      aria-describedby={describedBy === "" ? undefined : describedBy}
      aria-required={item.required}
      aria-invalid={error === undefined ? undefined : true}
      className={error === undefined ? "rating-item" : "rating-item rating-item-invalid"}
    >
      <legend id={legendId}>
        {localized(item.text)}
        {!item.required && <span className="optional"> (optional)</span>}
      </legend>
      {description !== undefined && (
        <p id={descriptionId} className="visually-hidden">
          {description}
        </p>
      )}
      <div
        className={
          isScale
            ? options.length <= MAX_SCALE_OPTIONS
              ? "scale-options scale-options-row"
              : "scale-options"
            : "choice-options"
        }
      >
        {options.map((option) => (
          <label key={String(option.value)} className={isScale ? "scale-option" : "choice-option"}>
            <input
              type="radio"
              name={baseId}
              value={String(option.value)}
              checked={answer === option.value}
              onChange={() => onAnswer(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {after}
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}

function ScaleItem(props: InstrumentItemProps) {
  const { item } = props;
  const minLabel = localized(item.minLabel);
  const maxLabel = localized(item.maxLabel);
  const { min, max } = scaleRange(item);
  const parts = [
    minLabel === "" ? null : `${min} means ${minLabel}`,
    maxLabel === "" ? null : `${max} means ${maxLabel}`,
  ].filter((part) => part !== null);
  return (
    <RadioItem
      {...props}
      description={parts.length === 0 ? undefined : `${parts.join(", ")}.`}
      after={
        parts.length === 0 ? undefined : (
          <div className="scale-ends" aria-hidden="true">
            <span>{minLabel}</span>
            <span>{maxLabel}</span>
          </div>
        )
      }
    />
  );
}

/** "0: lowest" as it is, "lowest" as "0: lowest". */
function endLabel(value: number, label: string): string | null {
  if (label === "") return null;
  return label.startsWith(String(value)) ? label : `${value}: ${label}`;
}

/** A wide scale (e.g. 0–40) as a labelled number field: 41 buttons would not fit a phone, nor help anyone. */
function NumberItem({ item, baseId, answer, error, onAnswer }: InstrumentItemProps) {
  const inputId = `${baseId}-input`;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const { min, max } = scaleRange(item);
  const ends = [endLabel(min, localized(item.minLabel)), endLabel(max, localized(item.maxLabel))].filter(
    (end) => end !== null,
  );
  const hint = ends.length === 0 ? numberHint(item) : `${numberHint(item)} ${ends.join(", ")}.`;
  return (
    <div id={baseId} className="rating-item field number-item">
      <label htmlFor={inputId}>
        {localized(item.text)}
        {!item.required && <span className="optional"> (optional)</span>}
      </label>
      <p id={hintId} className="hint">
        {hint}
      </p>
      <input
        id={inputId}
        className="number-input"
        type="number"
        inputMode="numeric"
        name={baseId}
        min={min}
        max={max}
        step={1}
        required={item.required}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={error === undefined ? hintId : `${hintId} ${errorId}`}
        value={answer === undefined ? "" : String(answer)}
        onChange={(event) => onAnswer(event.target.value)}
      />
      <ErrorText id={errorId} error={error} />
    </div>
  );
}

function TextItem({ item, baseId, answer, error, onAnswer }: InstrumentItemProps) {
  const inputId = `${baseId}-input`;
  const errorId = `${baseId}-error`;
  return (
    <div id={baseId} className="rating-item field">
      <label htmlFor={inputId}>
        {localized(item.text)}
        {!item.required && <span className="optional"> (optional)</span>}
      </label>
      <textarea
        id={inputId}
        name={baseId}
        rows={3}
        maxLength={item.maxLength ?? 2000}
        required={item.required}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={error === undefined ? undefined : errorId}
        value={typeof answer === "string" ? answer : ""}
        onChange={(event) => onAnswer(event.target.value)}
      />
      <ErrorText id={errorId} error={error} />
    </div>
  );
}

export function InstrumentItemField(props: InstrumentItemProps) {
  switch (props.item.kind) {
    case "scale":
      return isNumberScale(props.item) ? <NumberItem {...props} /> : <ScaleItem {...props} />;
    case "choice":
    case "boolean":
      return <RadioItem {...props} />;
    case "text":
      return <TextItem {...props} />;
  }
}
