// The coach's form for adding a note to a session, private or shared with the coachee.
import { type FormEvent, useId, useState } from "react";
import { toApiError } from "../api.ts";
import type { NoteVisibility } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorAlert } from "../ui/messages.tsx";
import { addNote } from "./engagements.api.ts";

const VISIBILITY_CHOICES: readonly { value: NoteVisibility; label: string }[] = [
  { value: "coach_private", label: "Private to me" },
  { value: "shared", label: "Shared with coachee" },
];

interface AddNoteFormProps {
  orgId: string;
  sessionId: string;
  onAdded: () => void;
}

export function AddNoteForm({ orgId, sessionId, onAdded }: AddNoteFormProps) {
  const [body, setBody] = useState("");
  // Private by default: sharing is the deliberate choice.
  const [visibility, setVisibility] = useState<NoteVisibility>("coach_private");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const radioName = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (body.trim() === "") {
      setError("Write the note before adding it.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await addNote(orgId, sessionId, { visibility, body: body.trim() });
      setBody("");
      onAdded();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="inline-form">
      <Field label="Note">
        {(control) => (
          <textarea
            {...control}
            rows={3}
            required
            maxLength={20000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      <fieldset className="choice-group">
        <legend>Who can read it</legend>
        {VISIBILITY_CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={radioName}
              value={choice.value}
              checked={visibility === choice.value}
              onChange={() => setVisibility(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <ErrorAlert error={error} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Add note
        </button>
      </div>
    </form>
  );
}
