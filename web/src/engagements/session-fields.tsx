// The start, duration and mode fields shared by the schedule and edit forms, and their parsing.
import type { Session, SessionInput, SessionMode } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { fromLocalInput, timeZoneName, toLocalInput } from "../ui/format.ts";
import { MODE_LABELS, SESSION_MODES } from "./labels.ts";

/** What the inputs hold: the local `datetime-local` value and the duration as typed. */
export interface SessionDraft {
  startsAt: string;
  durationMinutes: string;
  mode: SessionMode;
}

export interface SessionFieldLabels {
  startsAt: string;
  durationMinutes: string;
  mode: string;
}

/** Session length limits of the API (docs/api.md). */
const MIN_MINUTES = 15;
const MAX_MINUTES = 480;

export const EMPTY_DRAFT: SessionDraft = { startsAt: "", durationMinutes: "60", mode: "in_person" };

export function draftFromSession(session: Session): SessionDraft {
  return {
    startsAt: toLocalInput(session.startsAt),
    durationMinutes: String(session.durationMinutes),
    mode: session.mode,
  };
}

export type ParsedDraft = { ok: true; input: SessionInput } | { ok: false; message: string };

export function parseDraft(draft: SessionDraft): ParsedDraft {
  const startsAt = fromLocalInput(draft.startsAt);
  if (startsAt === null) return { ok: false, message: "Enter the date and time the session starts." };
  const durationMinutes = Number(draft.durationMinutes);
  if (!Number.isInteger(durationMinutes) || durationMinutes < MIN_MINUTES || durationMinutes > MAX_MINUTES) {
    return {
      ok: false,
      message: `The duration must be a whole number of minutes from ${MIN_MINUTES} to ${MAX_MINUTES}.`,
    };
  }
  return { ok: true, input: { startsAt, durationMinutes, mode: draft.mode } };
}

function isMode(value: string): value is SessionMode {
  return (SESSION_MODES as readonly string[]).includes(value);
}

interface SessionFieldsProps {
  labels: SessionFieldLabels;
  draft: SessionDraft;
  onChange: (draft: SessionDraft) => void;
}

export function SessionFields({ labels, draft, onChange }: SessionFieldsProps) {
  return (
    <div className="field-row">
      <Field label={labels.startsAt} hint={`Your time zone: ${timeZoneName()}`} className="field-wide">
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            required
            value={draft.startsAt}
            onChange={(event) => onChange({ ...draft, startsAt: event.target.value })}
          />
        )}
      </Field>
      <Field label={labels.durationMinutes} hint={`${MIN_MINUTES} to ${MAX_MINUTES}`}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            required
            min={MIN_MINUTES}
            max={MAX_MINUTES}
            value={draft.durationMinutes}
            onChange={(event) => onChange({ ...draft, durationMinutes: event.target.value })}
          />
        )}
      </Field>
      <Field label={labels.mode} hint="How you will meet">
        {(control) => (
          <select
            {...control}
            value={draft.mode}
            onChange={(event) => {
              if (isMode(event.target.value)) onChange({ ...draft, mode: event.target.value });
            }}
          >
            {SESSION_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {MODE_LABELS[mode]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
