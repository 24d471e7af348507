// The "Schedule a session" form on an engagement page.
import { type FormEvent, useState } from "react";
import { toApiError } from "../api.ts";
import type { Session } from "../types.ts";
import { ErrorAlert } from "../ui/messages.tsx";
import { scheduleSession } from "./engagements.api.ts";
import { EMPTY_DRAFT, parseDraft, SessionFields } from "./session-fields.tsx";

const LABELS = { startsAt: "Date and time", durationMinutes: "Duration (minutes)", mode: "Mode" };

interface ScheduleSessionFormProps {
  orgId: string;
  engagementId: string;
  onScheduled: (session: Session) => void;
}

export function ScheduleSessionForm({ orgId, engagementId, onScheduled }: ScheduleSessionFormProps) {
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const parsed = parseDraft(draft);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await scheduleSession(orgId, engagementId, parsed.input);
      setDraft({ ...draft, startsAt: "" });
      onScheduled(session);
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card section" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Schedule a session</h2>
      <form onSubmit={onSubmit} className="form" aria-labelledby="schedule-heading">
        <SessionFields labels={LABELS} draft={draft} onChange={setDraft} />
        <ErrorAlert error={error} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            Schedule session
          </button>
        </div>
      </form>
    </section>
  );
}
