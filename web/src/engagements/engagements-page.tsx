// / : the engagements the person may see, grouped by how they take part (coach, coachee, sponsor).
import { useLocation } from "react-router-dom";
import { useSelection } from "../shell/selection.tsx";
import type { Engagement, ViewerRelation } from "../types.ts";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { EngagementCard } from "./engagement-card.tsx";
import { listEngagements } from "./engagements.api.ts";

const GROUPS: readonly { relation: ViewerRelation; title: string }[] = [
  { relation: "coach", title: "You coach" },
  { relation: "coachee", title: "Your coaching" },
  { relation: "sponsor", title: "You sponsor" },
  { relation: "none", title: "Other engagements you can see" },
];

function EngagementGroup({ title, engagements }: { title: string; engagements: Engagement[] }) {
  const headingId = `group-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{title}</h2>
      <ul className="card-grid">
        {engagements.map((engagement) => (
          <EngagementCard key={engagement.id} engagement={engagement} />
        ))}
      </ul>
    </section>
  );
}

function EngagementGroups({ engagements }: { engagements: Engagement[] }) {
  if (engagements.length === 0) {
    return (
      <div className="card empty">
        <p>
          No engagements here yet. When a programme admin pairs you with a coach or coachee, it appears here.
        </p>
      </div>
    );
  }
  return (
    <>
      {GROUPS.map(({ relation, title }) => {
        const inGroup = engagements.filter((engagement) => engagement.viewerRelation === relation);
        return inGroup.length === 0 ? null : (
          <EngagementGroup key={relation} title={title} engagements={inGroup} />
        );
      })}
    </>
  );
}

function isWelcome(state: unknown): boolean {
  return typeof state === "object" && state !== null && "welcome" in state && state.welcome === true;
}

export function EngagementsPage() {
  useTitle("Engagements");
  const { organization, programme, programmeId } = useSelection();
  const location = useLocation();
  const engagements = useResource(`${organization.id}/${programmeId}`, () =>
    listEngagements(organization.id, programmeId),
  );

  return (
    <>
      <div className="page-head">
        <h1>Engagements</h1>
        <p className="lead">
          {programme === null ? "All programmes" : programme.name} · {organization.name}
        </p>
      </div>
      <StatusMessage
        message={isWelcome(location.state) ? "Welcome to Alliance. Your invitation is accepted." : null}
      />
      <ErrorAlert error={engagements.error} />
      {engagements.data === undefined ? (
        engagements.loading && <Loading what="engagements" />
      ) : (
        <EngagementGroups engagements={engagements.data} />
      )}
    </>
  );
}
