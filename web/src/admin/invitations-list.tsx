// The invitations still waiting to be accepted.
import type { Invitation, Programme } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { ROLE_LABELS } from "../ui/labels.ts";
import { programmeName } from "./people.ts";

interface InvitationsListProps {
  invitations: Invitation[];
  programmes: Programme[];
}

export function InvitationsList({ invitations, programmes }: InvitationsListProps) {
  const pending = invitations.filter((invitation) => invitation.status === "pending");
  if (pending.length === 0) return <p className="muted">No invitations are waiting.</p>;
  return (
    <div className="table-wrap">
      <table className="table stack-table">
        <caption className="visually-hidden">Pending invitations</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Programme</th>
            <th scope="col">Role</th>
            <th scope="col">Link expires</th>
          </tr>
        </thead>
        <tbody>
          {pending.map((invitation) => (
            <tr key={invitation.id}>
              <td data-label="Name">{invitation.displayName}</td>
              <td data-label="Email">{invitation.email}</td>
              <td data-label="Programme">{programmeName(programmes, invitation.programmeId)}</td>
              <td data-label="Role">{ROLE_LABELS[invitation.role]}</td>
              <td data-label="Link expires">
                <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
