// /engagements/:engagementId: who is in the engagement, the alliance trend and alerts, sessions, notes, scheduling.
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { AllianceSection } from "../alliance/alliance-section.tsx";
import { CheckInsSection } from "../check-ins/check-ins-section.tsx";
import { RematchCard } from "../matching/rematch-card.tsx";
import { useSelection } from "../shell/selection.tsx";
import { TranscriptConsentSection } from "../transcripts/consent-section.tsx";
import type { Engagement, EngagementDetail, Session } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { EngagementStatusBadge } from "./badges.tsx";
import { fetchEngagement } from "./engagements.api.ts";
import { ScheduleSessionForm } from "./schedule-session-form.tsx";
import { SessionsTable } from "./sessions-table.tsx";

function headline(engagement: Engagement): string {
  switch (engagement.viewerRelation) {
    case "coach":
      return `Coaching ${engagement.coachee.displayName}`;
    case "coachee":
      return `Your coaching with ${engagement.coach.displayName}`;
    case "sponsor":
    case "none":
      return `${engagement.coachee.displayName} with ${engagement.coach.displayName}`;
  }
}

function BackLink() {
  return (
    <p className="back-link">
      <Link to="/">
        <span aria-hidden="true">← </span>All engagements
      </Link>
    </p>
  );
}

function EngagementHeader({ engagement }: { engagement: Engagement }) {
  return (
    <div className="page-head">
      <h1>{headline(engagement)}</h1>
      <dl className="facts facts-inline">
        <div>
          <dt>Coach</dt>
          <dd>{engagement.coach.displayName}</dd>
        </div>
        <div>
          <dt>Coachee</dt>
          <dd>{engagement.coachee.displayName}</dd>
        </div>
        {engagement.sponsor !== null && (
          <div>
            <dt>Sponsor</dt>
            <dd>{engagement.sponsor.displayName}</dd>
          </div>
        )}
        <div>
          <dt>Programme</dt>
          <dd>{engagement.programmeName}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <EngagementStatusBadge status={engagement.status} />
          </dd>
        </div>
      </dl>
    </div>
  );
}

interface EngagementViewProps {
  orgId: string;
  detail: EngagementDetail;
  /** Counts the changes made on this page, so the alliance trend loads again after one. */
  changes: number;
  onChanged: (message: string) => void;
  /** The alliance trend changed without a change to the sessions (the coach saved a reflection). */
  onTrendChanged: () => void;
}

/** The coach and the coachee see the alliance trend (the coachee their own history); nobody else. */
function seesAlliance(engagement: Engagement): boolean {
  return engagement.viewerRelation === "coach" || engagement.viewerRelation === "coachee";
}

function EngagementView({ orgId, detail, changes, onChanged, onTrendChanged }: EngagementViewProps) {
  const { engagement, sessions, permissions } = detail;
  return (
    <>
      {seesAlliance(engagement) && (
        <AllianceSection orgId={orgId} engagement={engagement} version={changes} />
      )}
      {seesAlliance(engagement) && <TranscriptConsentSection orgId={orgId} engagement={engagement} />}
      {seesAlliance(engagement) && (
        <CheckInsSection orgId={orgId} engagement={engagement} version={changes} onChanged={onChanged} />
      )}
      <section className="card section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <SessionsTable
          orgId={orgId}
          sessions={sessions}
          canAddNotes={engagement.viewerRelation === "coach"}
          coacheeName={engagement.coachee.displayName}
          onChanged={onChanged}
          onReflected={onTrendChanged}
        />
      </section>
      {permissions.rematch && <RematchCard orgId={orgId} engagement={engagement} />}
      {permissions.scheduleSessions && (
        <ScheduleSessionForm
          orgId={orgId}
          engagementId={engagement.id}
          onScheduled={(session: Session) =>
            onChanged(`Session scheduled for ${formatDateTime(session.startsAt)}.`)
          }
        />
      )}
    </>
  );
}

function EngagementScreen({ engagementId }: { engagementId: string }) {
  const { organization } = useSelection();
  const [message, setMessage] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const detail = useResource(`${organization.id}/${engagementId}`, () =>
    fetchEngagement(organization.id, engagementId),
  );
  useTitle(detail.data === undefined ? "Engagement" : headline(detail.data.engagement));

  const error =
    detail.error?.code === "not_found"
      ? `We couldn't find this engagement in ${organization.name}. It may belong to another organization, or you may not have access to it.`
      : detail.error;

  function onChanged(text: string): void {
    setMessage(text);
    setChanges((n) => n + 1);
    detail.reload();
  }

  return (
    <>
      <BackLink />
      {detail.data === undefined ? (
        <div className="page-head">
          <h1>Engagement</h1>
        </div>
      ) : (
        <EngagementHeader engagement={detail.data.engagement} />
      )}
      <StatusMessage message={message} />
      <ErrorAlert error={error} />
      {detail.data === undefined ? (
        detail.loading && <Loading what="the engagement" />
      ) : (
        <EngagementView
          orgId={organization.id}
          detail={detail.data}
          changes={changes}
          onChanged={onChanged}
          onTrendChanged={() => setChanges((n) => n + 1)}
        />
      )}
    </>
  );
}

export function EngagementPage() {
  const { engagementId = "" } = useParams();
  // A fresh screen per engagement, so no message or open form carries over from the last one.
  return <EngagementScreen key={engagementId} engagementId={engagementId} />;
}
