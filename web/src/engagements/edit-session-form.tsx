// The inline form that changes a scheduled session's time, duration or mode.
import { type FormEvent, useRef, useState } from "react";
import { toApiError } from "../api.ts";
import type { Session, SessionInput } from "../types.ts";
import { ErrorAlert } from "../ui/messages.tsx";
import { useFocusFirstField } from "../ui/use-focus-first-field.ts";
import { updateSession } from "./engagements.api.ts";
import { draftFromSession, parseDraft, SessionFields } from "./session-fields.tsx";

// Distinct from the schedule form's labels so each field has a unique accessible name on the page.
const LABELS = { startsAt: "Starts at", durationMinutes: "Length (minutes)", mode: "Meeting format" };

function changedFields(session: Session, input: SessionInput): Partial<SessionInput> {
  const changes: Partial<SessionInput> = {};
  if (new Date(input.startsAt).getTime() !== new Date(session.startsAt).getTime()) {
    changes.startsAt = input.startsAt;
  }
  if (input.durationMinutes !== session.durationMinutes) changes.durationMinutes = input.durationMinutes;
  if (input.mode !== session.mode) changes.mode = input.mode;
  return changes;
}

interface EditSessionFormProps {
  orgId: string;
  session: Session;
  onSaved: (session: Session | null) => void;
  onClose: () => void;
}

export function EditSessionForm({ orgId, session, onSaved, onClose }: EditSessionFormProps) {
  const [draft, setDraft] = useState(() => draftFromSession(session));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstField(form);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const parsed = parseDraft(draft);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    const changes = changedFields(session, parsed.input);
    if (Object.keys(changes).length === 0) {
      onSaved(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateSession(orgId, session.id, changes));
    } catch (caught) {
      setError(toApiError(caught).message);
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={onSubmit} className="inline-form">
      <SessionFields labels={LABELS} draft={draft} onChange={setDraft} />
      <ErrorAlert error={error} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Save changes
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Discard changes
        </button>
      </div>
    </form>
  );
}
