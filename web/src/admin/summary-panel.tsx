// Programme summary numbers for admins (aggregates only).
import type { ProgrammeSummary, Role } from "../types.ts";
import { ROLE_LABELS, ROLES } from "../ui/labels.ts";
import { ErrorAlert, Loading } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { fetchSummary } from "./admin.api.ts";

/** A count; null means the server withheld it because it covers fewer than five people. */
function Stat({ label, value }: { label: string; value: number | null }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value ?? "fewer than 5"}</dd>
    </div>
  );
}

function SummaryNumbers({ summary }: { summary: ProgrammeSummary }) {
  const roles = ROLES.filter((role: Role) => summary.people[role] !== undefined);
  return (
    <>
      <h3>Engagements and sessions</h3>
      <dl className="stats">
        <Stat label="Active engagements" value={summary.engagements.active} />
        <Stat label="Closed engagements" value={summary.engagements.closed} />
        <Stat label="Sessions scheduled" value={summary.sessions.scheduled} />
        <Stat label="Sessions held" value={summary.sessions.held} />
        <Stat label="Sessions cancelled" value={summary.sessions.cancelled} />
      </dl>
      <h3>People by role</h3>
      <dl className="stats">
        {roles.map((role) => (
          <Stat key={role} label={ROLE_LABELS[role]} value={summary.people[role] ?? null} />
        ))}
      </dl>
    </>
  );
}

interface SummaryPanelProps {
  orgId: string;
  programmeId: string;
  scopeLabel: string;
}

export function SummaryPanel({ orgId, programmeId, scopeLabel }: SummaryPanelProps) {
  const summary = useResource(`${orgId}/${programmeId}`, () => fetchSummary(orgId, programmeId));
  return (
    <section className="card section" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Programme summary</h2>
      <p className="muted">{scopeLabel}</p>
      <ErrorAlert error={summary.error} />
      {summary.data === undefined ? (
        summary.loading && <Loading what="the summary" />
      ) : (
        <SummaryNumbers summary={summary.data} />
      )}
    </section>
  );
}
