// The "Notes" disclosure of one session: loads its notes when opened; the coach can add one.
import { type SyntheticEvent, useState } from "react";
import type { Note } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { AddNoteForm } from "./add-note-form.tsx";
import { listNotes } from "./engagements.api.ts";
import { NOTE_VISIBILITY_LABELS } from "./labels.ts";

function NoteList({ notes }: { notes: Note[] }) {
  if (notes.length === 0) return <p className="muted">No notes for this session yet.</p>;
  return (
    <ul className="notes">
      {notes.map((note) => (
        <li key={note.id} className="note">
          <p className="note-body">{note.body}</p>
          <p className="note-meta">
            {note.authorName} · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time> ·{" "}
            <span className={`tag tag-${note.visibility}`}>{NOTE_VISIBILITY_LABELS[note.visibility]}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}

interface SessionNotesProps {
  orgId: string;
  sessionId: string;
  canAdd: boolean;
}

export function SessionNotes({ orgId, sessionId, canAdd }: SessionNotesProps) {
  const [opened, setOpened] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Notes load the first time the disclosure opens, not for every session on the page.
  const notes = useResource(opened ? sessionId : null, () => listNotes(orgId, sessionId));

  function onToggle(event: SyntheticEvent<HTMLDetailsElement>): void {
    if (event.currentTarget.open) setOpened(true);
  }

  return (
    <details className="notes-disclosure" onToggle={onToggle}>
      <summary>Notes</summary>
      <div className="notes-panel">
        <ErrorAlert error={notes.error} />
        {notes.data === undefined ? (
          notes.loading && <Loading what="notes" />
        ) : (
          <NoteList notes={notes.data} />
        )}
        <StatusMessage message={message} />
        {canAdd && (
          <AddNoteForm
            orgId={orgId}
            sessionId={sessionId}
            onAdded={() => {
              setMessage("Note added.");
              notes.reload();
            }}
          />
        )}
      </div>
    </details>
  );
}
