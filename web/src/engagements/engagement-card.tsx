// One engagement in the list: the other party's name as the link, next session and session counts.
import { Link } from "react-router-dom";
import type { Engagement } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { EngagementStatusBadge } from "./badges.tsx";

/** The person the viewer is looking for: the coachee for a coach, the coach for a coachee. */
export function otherParty(engagement: Engagement): string {
  return engagement.viewerRelation === "coachee"
    ? engagement.coach.displayName
    : engagement.coachee.displayName;
}

function relationLine(engagement: Engagement): string {
  switch (engagement.viewerRelation) {
    case "coach":
      return "Your coachee";
    case "coachee":
      return "Your coach";
    case "sponsor":
    case "none":
      return `Coached by ${engagement.coach.displayName}`;
  }
}

function SessionFacts({ engagement }: { engagement: Engagement }) {
  const counts = engagement.sessionCounts;
  if (counts === null) {
    return (
      <div>
        <dt>Sessions</dt>
        <dd>Private to the coach and coachee</dd>
      </div>
    );
  }
  return (
    <>
      <div>
        <dt>Next session</dt>
        <dd>
          {engagement.nextSession === null ? (
            "None scheduled"
          ) : (
            <time dateTime={engagement.nextSession.startsAt}>
              {formatDateTime(engagement.nextSession.startsAt)}
            </time>
          )}
        </dd>
      </div>
      <div>
        <dt>Sessions</dt>
        <dd>
          {counts.held} held · {counts.scheduled} scheduled · {counts.cancelled} cancelled
        </dd>
      </div>
    </>
  );
}

export function EngagementCard({ engagement }: { engagement: Engagement }) {
  return (
    <li className="card engagement-card">
      <div className="engagement-card-head">
        <h3>
          <Link to={`/engagements/${encodeURIComponent(engagement.id)}`}>{otherParty(engagement)}</Link>
        </h3>
        {engagement.status === "closed" && <EngagementStatusBadge status="closed" />}
      </div>
      <p className="muted">
        {relationLine(engagement)} · {engagement.programmeName}
      </p>
      <dl className="facts">
        <SessionFacts engagement={engagement} />
      </dl>
    </li>
  );
}
