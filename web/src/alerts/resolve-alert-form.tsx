// The inline form that resolves an alert with a note on what the coach did or agreed.
import { type FormEvent, useRef, useState } from "react";
import type { Alert } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorAlert } from "../ui/messages.tsx";
import { useAction } from "../ui/use-action.ts";
import { useFocusFirstField } from "../ui/use-focus-first-field.ts";
import { resolveAlert } from "./alerts.api.ts";

interface ResolveAlertFormProps {
  orgId: string;
  alert: Alert;
  onResolved: (alert: Alert) => void;
  onClose: () => void;
}

const NOTE_MAX = 2000;

export function ResolveAlertForm({ orgId, alert, onResolved, onClose }: ResolveAlertFormProps) {
  const [note, setNote] = useState("");
  const { busy, error, setError, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstField(form);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const text = note.trim();
    if (text === "") {
      setError("Write a short note on what you did or agreed, then resolve the alert.");
      form.current?.querySelector("textarea")?.focus();
      return;
    }
    await run(async () => onResolved(await resolveAlert(orgId, alert.id, text)));
  }

  return (
    <form ref={form} onSubmit={onSubmit} className="inline-form" noValidate>
      <Field label="Resolution note" hint="What you did or agreed with your coachee. Required.">
        {(control) => (
          <textarea
            {...control}
            rows={3}
            required
            maxLength={NOTE_MAX}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
      <ErrorAlert error={error} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Resolve alert
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Keep open
        </button>
      </div>
    </form>
  );
}
