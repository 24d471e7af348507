// Inside an organization: its programmes, people, aggregate summary, the audit log and "who sees what".

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { totalsMayBeShown, withheld } from "../../core/contracts/aggregates.ts";
import { type Action, describeVisibility } from "../../core/contracts/visibility.ts";
import type { ProgrammeId } from "../../core/shared/brand.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import { ROLES } from "../../core/shared/roles.ts";
import type { AppContext } from "../app-context.ts";
import { errors, Id, OrgParams } from "../http/schemas.ts";
import { allows, authorize, type OrgViewer, resolveOrgViewer } from "./org-viewer.ts";

const ProgrammeQuery = Type.Object({ programmeId: Type.Optional(Id) });
/** Audit entity types about the coaching relationship's content, never listed to admins. */
export const PRIVATE_AUDIT_TYPES = [
  "rating",
  "reflection",
  "alert",
  "wellbeing_screen",
  "transcript",
] as const;
/** A count, or null when withheld: the group covers fewer than five people and the viewer may see only totals. */
const Count = Type.Union([Type.Integer(), Type.Null()]);

/** The programme named in a query, checked to exist in the organization (else 404). */
export async function programmeInOrg(
  ctx: AppContext,
  viewer: OrgViewer,
  programmeId: string | undefined,
): Promise<ProgrammeId | undefined> {
  if (programmeId === undefined) return undefined;
  const programme = await ctx.repos.organizations.findProgramme(viewer.orgId, programmeId as ProgrammeId);
  if (!programme) throw new DomainError("not_found", "No such programme.", "programmeId");
  return programme.id;
}

/**
 * The programme a request's path names (`orgId`, `programmeId`), for a viewer allowed to `action` its
 * settings (admins change them; coaches read them).
 */
export async function programmeSettingsFor(
  ctx: AppContext,
  request: FastifyRequest<{ Params: { orgId: string; programmeId: string } }>,
  action: Action,
): Promise<{ viewer: OrgViewer; programmeId: ProgrammeId }> {
  const { viewer, programmeId } = await programmeFor(ctx, request);
  authorize(viewer.viewerFor(programmeId), { type: "programme_settings" }, action, "programme");
  return { viewer, programmeId };
}

/** The caller in the organization and the programme of the path (404 when either does not exist for them). */
export async function programmeFor(
  ctx: AppContext,
  request: FastifyRequest<{ Params: { orgId: string; programmeId: string } }>,
): Promise<{ viewer: OrgViewer; programmeId: ProgrammeId }> {
  const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
  const programmeId = (await programmeInOrg(ctx, viewer, request.params.programmeId)) as ProgrammeId;
  return { viewer, programmeId };
}

export async function organizationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    "/api/orgs/:orgId/programmes",
    {
      schema: {
        tags: ["organization"],
        summary: "The caller's programmes (all of them for an organization admin)",
        params: OrgParams,
        response: {
          200: Type.Object({
            programmes: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const all = await ctx.repos.organizations.listProgrammes(viewer.orgId);
      const orgWide = viewer.memberships.some((m) => m.programmeId === null);
      const programmes = all.filter(
        (programme) => orgWide || viewer.memberships.some((m) => m.programmeId === programme.id),
      );
      return { programmes: programmes.map(({ id, name }) => ({ id, name })) };
    },
  );

  api.get(
    "/api/orgs/:orgId/people",
    {
      schema: {
        tags: ["organization"],
        summary: "People and their roles (admins)",
        params: OrgParams,
        querystring: ProgrammeQuery,
        response: {
          200: Type.Object({
            people: Type.Array(
              Type.Object({
                id: Type.String(),
                displayName: Type.String(),
                email: Type.String(),
                memberships: Type.Array(
                  Type.Object({ programmeId: Type.Union([Type.String(), Type.Null()]), role: Type.String() }),
                ),
              }),
            ),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const programmeId = await programmeInOrg(ctx, viewer, request.query.programmeId);
      const people = await ctx.repos.organizations.listPeople(viewer.orgId);
      const memberships = await ctx.repos.organizations.listMemberships(viewer.orgId);
      const result = [];
      for (const person of people) {
        const own = memberships.filter(
          (m) =>
            m.personId === person.id &&
            (programmeId === undefined || m.programmeId === null || m.programmeId === programmeId),
        );
        if (programmeId !== undefined && !own.some((m) => m.programmeId === programmeId)) continue;
        // Each person passes the policy: an admin sees everyone, anyone else only themselves.
        if (!allows(viewer.viewerFor(programmeId), { type: "person", personId: person.id }, "read")) continue;
        result.push({
          id: person.id,
          displayName: person.displayName,
          email: person.email,
          memberships: own.map((m) => ({ programmeId: m.programmeId, role: m.role })),
        });
      }
      return { people: result };
    },
  );

  api.get(
    "/api/orgs/:orgId/summary",
    {
      schema: {
        tags: ["organization"],
        summary: "Programme totals: counts only, never about one person (admins, researchers)",
        params: OrgParams,
        querystring: ProgrammeQuery,
        response: {
          200: Type.Object({
            engagements: Type.Object({ active: Count, closed: Count }),
            sessions: Type.Object({ scheduled: Count, held: Count, cancelled: Count }),
            people: Type.Record(Type.String(), Count),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const programmeId = await programmeInOrg(ctx, viewer, request.query.programmeId);
      const who = viewer.viewerFor(programmeId);
      authorize(who, { type: "programme_summary" }, "read", "summary");
      const engagements = await ctx.repos.engagements.countEngagementsByStatus(viewer.orgId, programmeId);
      const sessions = await ctx.repos.engagements.countSessionsByStatus(viewer.orgId, programmeId);
      const memberships = await ctx.repos.organizations.listMemberships(viewer.orgId);
      const people: Record<string, number> = Object.fromEntries(ROLES.map((role) => [role, 0]));
      for (const role of ROLES) {
        const holders = new Set(
          memberships
            .filter((m) => m.role === role && (programmeId === undefined || m.programmeId === programmeId))
            .map((m) => m.personId),
        );
        people[role] = holders.size;
      }
      // Admins see the records themselves, so exact counts reveal nothing new. Everyone else (researchers)
      // gets totals only over groups of at least five coachees, and never a whole whose small part
      // could be worked out by subtracting the other programmes.
      if (who.roles.includes("admin")) return { engagements, sessions, people };
      const coacheesIn = (programme?: ProgrammeId) =>
        new Set(
          memberships
            .filter((m) => m.role === "coachee" && (programme === undefined || m.programmeId === programme))
            .map((m) => m.personId),
        ).size;
      const parts =
        programmeId === undefined
          ? (await ctx.repos.organizations.listProgrammes(viewer.orgId)).map((p) => coacheesIn(p.id))
          : [];
      if (totalsMayBeShown(coacheesIn(programmeId), parts)) return { engagements, sessions, people };
      return { engagements: withheld(engagements), sessions: withheld(sessions), people: withheld(people) };
    },
  );

  api.get(
    "/api/orgs/:orgId/privacy",
    {
      schema: {
        tags: ["organization"],
        summary: "Who sees what about you, generated from the visibility policy",
        params: OrgParams,
        response: {
          200: Type.Object({
            rows: Type.Array(
              Type.Object({
                recordType: Type.String(),
                label: Type.String(),
                readers: Type.Array(Type.String()),
                changers: Type.Array(Type.String()),
              }),
            ),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      await resolveOrgViewer(ctx, request, request.params.orgId);
      return { rows: describeVisibility() };
    },
  );

  api.get(
    "/api/orgs/:orgId/audit",
    {
      schema: {
        tags: ["organization"],
        summary: "Recent audit entries: who changed what, when (admins)",
        params: OrgParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        }),
        response: {
          200: Type.Object({
            entries: Type.Array(
              Type.Object({
                id: Type.String(),
                at: Type.String(),
                actorName: Type.Union([Type.String(), Type.Null()]),
                action: Type.String(),
                entityType: Type.String(),
                entityId: Type.String(),
              }),
            ),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      authorize(viewer.viewerFor(), { type: "audit_entry" }, "read", "audit log");
      // Entries about ratings, reflections and alerts would tell an admin who rated when, or which
      // coach has alerts: they stay in the log but are not shown here (admins see no such content).
      const entries = await ctx.repos.audit.listRecentAuditEntries(
        viewer.orgId,
        request.query.limit ?? 50,
        PRIVATE_AUDIT_TYPES,
      );
      return {
        entries: entries.map(({ id, at, actorName, action, entityType, entityId }) => ({
          id,
          at,
          actorName,
          action,
          entityType,
          entityId,
        })),
      };
    },
  );
}
