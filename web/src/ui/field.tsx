// A labelled form field: the label, an optional hint, and the control wired to both.
import { type ReactNode, useId } from "react";

export interface ControlProps {
  id: string;
  "aria-describedby": string | undefined;
}

interface FieldProps {
  label: string;
  hint?: string;
  className?: string;
  /** Renders the control with the id the label points at. */
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={className === undefined ? "field" : `field ${className}`}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children({ id, "aria-describedby": hint === undefined ? undefined : hintId })}
    </div>
  );
}
