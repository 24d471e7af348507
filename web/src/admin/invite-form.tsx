// The admin form that invites someone to a programme in a role.
import { type FormEvent, useState } from "react";
import { toApiError } from "../api.ts";
import type { Programme, Role } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { ROLE_LABELS, ROLES } from "../ui/labels.ts";
import { ErrorAlert, StatusMessage } from "../ui/messages.tsx";
import { createInvitation } from "./admin.api.ts";
import { effectiveProgramme } from "./people.ts";
import { ProgrammeSelect } from "./programme-select.tsx";

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

interface InviteFormProps {
  orgId: string;
  programmes: Programme[];
  /** The programme chosen in the header, "" for all. */
  currentProgrammeId: string;
  onInvited: () => void;
}

export function InviteForm({ orgId, programmes, currentProgrammeId, onInvited }: InviteFormProps) {
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [chosenProgramme, setChosenProgramme] = useState("");
  const [role, setRole] = useState<Role>("coachee");
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const programmeId = effectiveProgramme(programmes, chosenProgramme, currentProgrammeId);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const invitation = await createInvitation(orgId, {
        email: email.trim(),
        displayName: displayName.trim(),
        programmeId,
        role,
      });
      setMessage(`Invitation sent to ${invitation.email}. The link works for seven days.`);
      setEmail("");
      setDisplayName("");
      onInvited();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card section" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <form onSubmit={onSubmit} className="form" aria-labelledby="invite-heading">
        <Field label="Email">
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Display name">
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              required
              maxLength={120}
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          )}
        </Field>
        <ProgrammeSelect programmes={programmes} value={programmeId} onChange={setChosenProgramme} />
        <Field label="Role">
          {(control) => (
            <select
              {...control}
              value={role}
              onChange={(event) => {
                if (isRole(event.target.value)) setRole(event.target.value);
              }}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ErrorAlert error={error} />
        <StatusMessage message={message} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || programmeId === ""}>
            Send invitation
          </button>
        </div>
      </form>
    </section>
  );
}
