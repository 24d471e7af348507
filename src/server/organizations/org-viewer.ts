// Resolves the caller inside an organization (their person and roles) and enforces the visibility policy.

import type { FastifyRequest } from "fastify";
import { type Action, decide, type Subject, type Viewer } from "../../core/contracts/visibility.ts";
import type { OrganizationId, ProgrammeId } from "../../core/shared/brand.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import type { Role } from "../../core/shared/roles.ts";
import type { MembershipRecord, PersonRecord } from "../../store/organizations/organization.repository.ts";
import type { AppContext } from "../app-context.ts";
import { requireAuth } from "../auth/auth.plugin.ts";

export interface OrgViewer {
  readonly orgId: OrganizationId;
  readonly person: PersonRecord;
  readonly memberships: readonly MembershipRecord[];
  /** The caller as the policy sees them for a record of `programmeId` (or of the whole organization). */
  viewerFor(programmeId?: ProgrammeId): Viewer;
}

/**
 * Roles that hold for a record of `programmeId`: organization-wide ones plus those in that programme.
 * Without a programme (a record of the whole organization), only organization-wide roles count: an
 * admin of one programme is not an admin of the organization.
 */
export function rolesFor(memberships: readonly MembershipRecord[], programmeId?: ProgrammeId): Role[] {
  const roles = memberships
    .filter((m) => m.programmeId === null || (programmeId !== undefined && m.programmeId === programmeId))
    .map((m) => m.role);
  return [...new Set(roles)];
}

/**
 * The signed-in caller as a member of `orgId`. Someone who is not a member gets the same 404 as for an
 * organization that does not exist, so ids of other tenants reveal nothing.
 */
export async function resolveOrgViewer(
  ctx: AppContext,
  request: FastifyRequest,
  orgId: string,
): Promise<OrgViewer> {
  const { account } = requireAuth(request);
  const org = orgId as OrganizationId;
  const person = await ctx.repos.organizations.findPersonByAccount(org, account.id);
  if (!person) throw new DomainError("not_found", "No such organization.");
  const memberships = await ctx.repos.organizations.listMemberships(org, person.id);
  return {
    orgId: org,
    person,
    memberships,
    viewerFor: (programmeId) => ({ personId: person.id, roles: rolesFor(memberships, programmeId) }),
  };
}

/**
 * Applies the policy: a record the viewer may not read is reported as not found (its existence is not
 * revealed); one they may read but not change is forbidden.
 */
export function authorize(viewer: Viewer, subject: Subject, action: Action, what = "record"): void {
  if (!decide(viewer, subject, "read").allowed) throw new DomainError("not_found", `No such ${what}.`);
  if (action === "change" && !decide(viewer, subject, "change").allowed) {
    throw new DomainError("forbidden", `You may see this ${what} but not change it.`);
  }
}

/** Whether the policy lets the viewer act; for permissions shown in the UI. */
export function allows(viewer: Viewer, subject: Subject, action: Action): boolean {
  return decide(viewer, subject, action).allowed;
}
