// The sessions of one engagement as a table (stacked rows on narrow screens).
import type { Session } from "../types.ts";
import { timeZoneName } from "../ui/format.ts";
import { SessionRows } from "./session-rows.tsx";

interface SessionsTableProps {
  orgId: string;
  sessions: Session[];
  canAddNotes: boolean;
  coacheeName: string;
  onChanged: (message: string) => void;
  /** Called after the coach saved their reflection on a session. */
  onReflected: () => void;
}

export function SessionsTable({
  orgId,
  sessions,
  canAddNotes,
  coacheeName,
  onChanged,
  onReflected,
}: SessionsTableProps) {
  if (sessions.length === 0) return <p className="muted">No sessions to show yet.</p>;
  const inOrder = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <>
      <p className="muted">Times are in your time zone ({timeZoneName()}).</p>
      <div className="table-wrap">
        <table className="table sessions-table">
          <caption className="visually-hidden">Sessions, earliest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Duration</th>
              <th scope="col">Mode</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          {inOrder.map((session) => (
            <SessionRows
              key={session.id}
              orgId={orgId}
              session={session}
              canAddNotes={canAddNotes}
              coacheeName={coacheeName}
              onChanged={onChanged}
              onReflected={onReflected}
            />
          ))}
        </table>
      </div>
    </>
  );
}
