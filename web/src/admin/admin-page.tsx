// /admin: invitations, people, engagements, programme numbers, the alliance distribution, a programme's
// early-warning thresholds and recent activity, for admins.
import type { ReactNode } from "react";
import { useState } from "react";
import { useSelection } from "../shell/selection.tsx";
import { ErrorAlert, Loading } from "../ui/messages.tsx";
import { type Resource, useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { listInvitations, listPeople, listProgrammes } from "./admin.api.ts";
import { AllianceDistributionPanel } from "./alliance-distribution-panel.tsx";
import { AuditList } from "./audit-list.tsx";
import { CreateEngagementForm } from "./create-engagement-form.tsx";
import { FeedbackSettingsCard } from "./feedback-settings-card.tsx";
import { InvitationsList } from "./invitations-list.tsx";
import { InviteForm } from "./invite-form.tsx";
import { PeopleList } from "./people-list.tsx";
import { SummaryPanel } from "./summary-panel.tsx";
import { SupportResourcesCard } from "./support-resources-card.tsx";

/** A card whose content waits for one resource. */
function LoadedSection<T>(props: {
  id: string;
  title: string;
  what: string;
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}) {
  const { id, title, what, resource, children } = props;
  return (
    <section className="card section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ErrorAlert error={resource.error} />
      {resource.data === undefined ? resource.loading && <Loading what={what} /> : children(resource.data)}
    </section>
  );
}

function AdminDashboard() {
  const { organization, programme, programmeId } = useSelection();
  const orgId = organization.id;
  // An admin of the whole organization sees it all; an admin of some programmes, one programme at a time.
  const orgAdmin = organization.roles.includes("admin");
  const programmes = useResource(orgId, () => listProgrammes(orgId));
  const people = useResource(`${orgId}/${programmeId}`, () => listPeople(orgId, programmeId));
  const invitations = useResource(orgId, () => listInvitations(orgId));
  const [changes, setChanges] = useState(0);
  const programmeList = programmes.data ?? [];
  const scopeLabel = programme === null ? `All programmes of ${organization.name}` : programme.name;

  return (
    <>
      <ErrorAlert error={programmes.error} />
      <SummaryPanel orgId={orgId} programmeId={programmeId} scopeLabel={scopeLabel} />
      <AllianceDistributionPanel orgId={orgId} programmeId={programmeId} scopeLabel={scopeLabel} />
      <div className="two-columns">
        <InviteForm
          orgId={orgId}
          programmes={programmeList}
          currentProgrammeId={programmeId}
          onInvited={() => {
            invitations.reload();
            setChanges((n) => n + 1);
          }}
        />
        <CreateEngagementForm
          orgId={orgId}
          programmes={programmeList}
          people={people.data ?? []}
          currentProgrammeId={programmeId}
          onCreated={() => setChanges((n) => n + 1)}
        />
      </div>
      <LoadedSection
        id="invitations-heading"
        title="Pending invitations"
        what="invitations"
        resource={invitations}
      >
        {(data) => <InvitationsList invitations={data} programmes={programmeList} />}
      </LoadedSection>
      <LoadedSection id="people-heading" title="People" what="people" resource={people}>
        {(data) => <PeopleList people={data} programmes={programmeList} programmeId={programmeId} />}
      </LoadedSection>
      {programme !== null && (orgAdmin || programme.roles.includes("admin")) && (
        <FeedbackSettingsCard orgId={orgId} programmeId={programme.id} programmeName={programme.name} />
      )}
      {programme !== null && (orgAdmin || programme.roles.includes("admin")) && (
        <SupportResourcesCard orgId={orgId} programmeId={programme.id} programmeName={programme.name} />
      )}
      {orgAdmin && <AuditList orgId={orgId} refreshKey={changes} />}
    </>
  );
}

export function AdminPage() {
  useTitle("Admin");
  const { organization, isAdmin, programme, programmeId } = useSelection();
  const orgAdmin = organization.roles.includes("admin");
  return (
    <>
      <div className="page-head">
        <h1>Admin</h1>
        <p className="lead">{organization.name}</p>
      </div>
      {isAdmin && !orgAdmin && programmeId === "" ? (
        <div className="card empty">
          <p>You run some programmes of {organization.name}: choose one in the Programme menu above.</p>
        </div>
      ) : isAdmin && !orgAdmin && programme !== null && !programme.roles.includes("admin") ? (
        <div className="card empty">
          <p>
            You are not an admin of {programme.name}. Choose a programme you run in the Programme menu above.
          </p>
        </div>
      ) : isAdmin ? (
        <AdminDashboard />
      ) : (
        <div className="card empty">
          <p>This page is for programme admins. You don't hold the admin role in {organization.name}.</p>
        </div>
      )}
    </>
  );
}
