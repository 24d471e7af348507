// One item of a rating form, drawn from its data: a 0–10 row of radios, choices, yes/no, or free text.
import type { ReactNode } from "react";
import type { AnswerValue, InstrumentItem } from "../types.ts";
import { localized } from "./localized.ts";

interface RatingItemProps {
  item: InstrumentItem;
  answer: AnswerValue | undefined;
  error: string | undefined;
  onAnswer: (value: AnswerValue) => void;
}

/** The id of the element that holds an item's controls (the form focuses into it on an error). */
export function itemElementId(itemId: string): string {
  return `item-${itemId}`;
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
      const min = item.min ?? 0;
      const max = item.max ?? 10;
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

interface RadioItemProps extends RatingItemProps {
  /** A visually hidden description read with the group (the meaning of the scale's ends). */
  description?: string;
  /** Shown under the options, hidden from assistive technology (the description says it). */
  after?: ReactNode;
}

function RadioItem({ item, answer, error, onAnswer, description, after }: RadioItemProps) {
  const baseId = itemElementId(item.id);
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
        className={isScale ? "scale-options" : "choice-options"}
        style={
          isScale && options.length <= 11
            ? { gridTemplateColumns: `repeat(${options.length}, minmax(0, 1fr))` }
            : undefined
        }
      >
        {options.map((option) => (
          <label key={String(option.value)} className={isScale ? "scale-option" : "choice-option"}>
            <input
              type="radio"
              name={item.id}
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

function ScaleItem(props: RatingItemProps) {
  const { item } = props;
  const minLabel = localized(item.minLabel);
  const maxLabel = localized(item.maxLabel);
  const min = item.min ?? 0;
  const max = item.max ?? 10;
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

function TextItem({ item, answer, error, onAnswer }: RatingItemProps) {
  const baseId = itemElementId(item.id);
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
        name={item.id}
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

export function RatingItem(props: RatingItemProps) {
  switch (props.item.kind) {
    case "scale":
      return <ScaleItem {...props} />;
    case "choice":
    case "boolean":
      return <RadioItem {...props} />;
    case "text":
      return <TextItem {...props} />;
  }
}
