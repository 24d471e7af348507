// Starting an engagement inside a transaction: the row and its audit entry, written together. Used by the
// admin's "start an engagement" and by a confirmed match.

import type { EngagementId, OrganizationId, PersonId, ProgrammeId } from "../../core/shared/brand.ts";
import type { Repositories } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";

export interface EngagementStart {
  readonly organizationId: OrganizationId;
  readonly programmeId: ProgrammeId;
  readonly coachId: PersonId;
  readonly coacheeId: PersonId;
  readonly sponsorId: PersonId | null;
  readonly plannedSessions: number | null;
  /** Who started it, for the audit log. */
  readonly actorPersonId: PersonId;
  /** Whether it came from matching (recorded in the audit entry). */
  readonly matched?: boolean;
}

/** Inserts the engagement and its audit entry with `repos` (a transaction); returns its new id. */
export async function startEngagement(
  ctx: AppContext,
  repos: Repositories,
  start: EngagementStart,
): Promise<EngagementId> {
  const id = ctx.ids.newId() as EngagementId;
  const { actorPersonId, matched, ...engagement } = start;
  await repos.engagements.insertEngagement({ ...engagement, id }, ctx.clock.now());
  await recordAudit(ctx, repos, {
    organizationId: start.organizationId,
    actorPersonId,
    action: "engagement.started",
    entityType: "engagement",
    entityId: id,
    detail: matched ? { programmeId: start.programmeId, matched: true } : { programmeId: start.programmeId },
  });
  return id;
}
