// One session in the sessions table: its row, its actions and their inline forms, and its notes.
import { useRef, useState } from "react";
import { Link } from "react-router-dom";
import { toApiError } from "../api.ts";
import { MirrorPanel } from "../mirror/mirror-panel.tsx";
import type { RatingLink, Session } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { ErrorAlert } from "../ui/messages.tsx";
import { SessionStatusBadge } from "./badges.tsx";
import { CancelSessionForm } from "./cancel-session-form.tsx";
import { EditSessionForm } from "./edit-session-form.tsx";
import { markSessionHeld } from "./engagements.api.ts";
import { MODE_LABELS } from "./labels.ts";
import { RatingLinkPanel } from "./rating-link-panel.tsx";
import { SessionNotes } from "./session-notes.tsx";

type Panel = "none" | "edit" | "cancel";

interface SessionRowsProps {
  orgId: string;
  session: Session;
  /** The viewer is the engagement's coach, who may add notes. */
  canAddNotes: boolean;
  /** The coachee's name, for the rating link shown after "Mark held". */
  coacheeName: string;
  /** Called after a change, with what to announce. */
  onChanged: (message: string) => void;
  /** Called after the coach saved their reflection on a held session (the alliance trend shows it). */
  onReflected: () => void;
}

export function SessionRows({
  orgId,
  session,
  canAddNotes,
  coacheeName,
  onChanged,
  onReflected,
}: SessionRowsProps) {
  const [panel, setPanel] = useState<Panel>("none");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ratingLink, setRatingLink] = useState<RatingLink | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  const when = formatDateTime(session.startsAt);
  const whenId = `session-${session.id}-when`;
  const panelId = `session-${session.id}-panel`;
  const canAct = session.permissions.change && session.status === "scheduled";

  function closePanel(): void {
    const opener = panel === "edit" ? editButton : cancelButton;
    setPanel("none");
    opener.current?.focus();
  }

  function togglePanel(next: Panel): void {
    setError(null);
    setPanel(panel === next ? "none" : next);
  }

  async function markHeld(): Promise<void> {
    setBusy(true);
    setError(null);
    setPanel("none");
    try {
      const held = await markSessionHeld(orgId, session.id);
      setRatingLink(held.ratingLink ?? null);
      onChanged(
        held.ratingLink === undefined
          ? `The session on ${when} is marked as held.`
          : `The session on ${when} is marked as held. ${coacheeName} gets a link to rate it by email.`,
      );
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <tbody className="session">
      <tr>
        <td data-label="When">
          <time id={whenId} dateTime={session.startsAt}>
            {when}
          </time>
        </td>
        <td data-label="Duration">{session.durationMinutes} min</td>
        <td data-label="Mode">{MODE_LABELS[session.mode]}</td>
        <td data-label="Status">
          <SessionStatusBadge status={session.status} />
          {session.cancelReason !== null && session.cancelReason !== "" && (
            <span className="status-note">Reason: {session.cancelReason}</span>
          )}
        </td>
        <td data-label="Actions" className="actions-cell">
          {canAct && (
            <div className="button-row">
              {session.permissions.markHeld && (
                <button
                  type="button"
                  className="button button-small"
                  aria-describedby={whenId}
                  disabled={busy}
                  onClick={markHeld}
                >
                  Mark held
                </button>
              )}
              <button
                ref={editButton}
                type="button"
                className="button button-small button-secondary"
                aria-describedby={whenId}
                aria-expanded={panel === "edit"}
                aria-controls={panelId}
                onClick={() => togglePanel("edit")}
              >
                Edit
              </button>
              <button
                ref={cancelButton}
                type="button"
                className="button button-small button-danger-outline"
                aria-describedby={whenId}
                aria-expanded={panel === "cancel"}
                aria-controls={panelId}
                onClick={() => togglePanel("cancel")}
              >
                Cancel session
              </button>
            </div>
          )}
        </td>
      </tr>
      <tr className="session-extra">
        <td colSpan={5} id={panelId}>
          <ErrorAlert error={error} />
          {ratingLink !== null && <RatingLinkPanel link={ratingLink} coacheeName={coacheeName} />}
          {panel === "edit" && (
            <EditSessionForm
              orgId={orgId}
              session={session}
              onClose={closePanel}
              onSaved={(saved) => {
                setPanel("none");
                onChanged(
                  saved === null
                    ? "Nothing to change."
                    : `Session updated: ${formatDateTime(saved.startsAt)}, ${saved.durationMinutes} min, ${MODE_LABELS[saved.mode]}.`,
                );
              }}
            />
          )}
          {panel === "cancel" && (
            <CancelSessionForm
              orgId={orgId}
              session={session}
              onClose={closePanel}
              onCancelled={() => {
                setPanel("none");
                onChanged(`The session on ${when} is cancelled.`);
              }}
            />
          )}
          {session.status === "held" && (
            <p className="transcript-link">
              <Link
                to={`/engagements/${session.engagementId}/sessions/${session.id}/transcript`}
                aria-describedby={whenId}
              >
                Transcript
              </Link>
            </p>
          )}
          {canAddNotes && session.status === "held" && (
            <MirrorPanel orgId={orgId} sessionId={session.id} describedBy={whenId} onSaved={onReflected} />
          )}
          <SessionNotes orgId={orgId} sessionId={session.id} canAdd={canAddNotes} />
        </td>
      </tr>
    </tbody>
  );
}
