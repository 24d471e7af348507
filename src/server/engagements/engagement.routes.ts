// Engagements: list the ones you may see, start one (admins), open one with its sessions, schedule a session.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { EARLY_SESSIONS } from "../../core/matching/evidence.ts";
import type { Minutes, ProgrammeId, SessionId } from "../../core/shared/brand.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import { partiesOf, type SessionRecord } from "../../store/engagements/engagement.repository.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import { errors, Id, Instant, OrgParams } from "../http/schemas.ts";
import { allows, authorize, resolveOrgViewer } from "../organizations/org-viewer.ts";
import { programmeInOrg } from "../organizations/organization.routes.ts";
import {
  Duration,
  EngagementParams,
  EngagementSchema,
  engagementView,
  findReadableEngagement,
  Mode,
  PlannedSessions,
  personWithRole,
  SessionSchema,
  sessionSubject,
  sessionView,
  toInstant,
} from "./engagement-views.ts";
import { startEngagement } from "./start-engagement.ts";

export async function engagementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    "/api/orgs/:orgId/engagements",
    {
      schema: {
        tags: ["engagements"],
        summary: "The engagements the caller may see",
        params: OrgParams,
        querystring: Type.Object({ programmeId: Type.Optional(Id) }),
        response: { 200: Type.Object({ engagements: Type.Array(EngagementSchema) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const programmeId = await programmeInOrg(ctx, viewer, request.query.programmeId);
      // Admins (of the organization or of some programme) start from every engagement; the policy
      // below keeps only those of programmes they administer. Everyone else, their own.
      const adminSomewhere = viewer.memberships.some((m) => m.role === "admin");
      const candidates = await ctx.repos.engagements.listEngagements(
        viewer.orgId,
        adminSomewhere ? { programmeId } : { programmeId, partyId: viewer.person.id },
      );
      const visible = candidates.filter((e) =>
        allows(viewer.viewerFor(e.programmeId), { type: "engagement", engagement: partiesOf(e) }, "read"),
      );
      const summaries = await ctx.repos.engagements.summarizeSessions(
        viewer.orgId,
        visible.map((e) => e.id),
        ctx.clock.now(),
      );
      return {
        engagements: visible.map((engagement) => {
          const who = viewer.viewerFor(engagement.programmeId);
          const seesSessions = allows(who, sessionSubject(engagement), "read");
          const summary = summaries.get(engagement.id);
          return {
            ...engagementView(engagement, who),
            nextSession: seesSessions ? (summary?.next ?? null) : null,
            sessionCounts: seesSessions ? (summary?.counts ?? null) : null,
          };
        }),
      };
    },
  );

  api.post(
    "/api/orgs/:orgId/engagements",
    {
      schema: {
        tags: ["engagements"],
        summary: "Start an engagement between a coach and a coachee (admins)",
        params: OrgParams,
        body: Type.Object(
          {
            programmeId: Id,
            coachId: Id,
            coacheeId: Id,
            sponsorId: Type.Optional(Type.Union([Id, Type.Null()])),
            plannedSessions: Type.Optional(Type.Union([PlannedSessions, Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ engagement: EngagementSchema }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const body = request.body;
      const programme = await ctx.repos.organizations.findProgramme(
        viewer.orgId,
        body.programmeId as ProgrammeId,
      );
      if (!programme) throw new DomainError("not_found", "No such programme.", "body.programmeId");
      const who = viewer.viewerFor(programme.id);
      // Before looking anyone up: may this caller start engagements here at all? (Only role grants can
      // admit a record with no parties yet.)
      if (!allows(who, { type: "engagement" }, "change")) {
        throw new DomainError("forbidden", "Only programme admins can start engagements.");
      }
      const coachId = await personWithRole(ctx, viewer, programme.id, body.coachId, "coach", "body.coachId");
      const coacheeId = await personWithRole(
        ctx,
        viewer,
        programme.id,
        body.coacheeId,
        "coachee",
        "body.coacheeId",
      );
      if (coachId === coacheeId) {
        throw new DomainError("validation_failed", "A coach cannot coach themselves.", "body.coacheeId");
      }
      const sponsorId =
        body.sponsorId == null
          ? null
          : await personWithRole(ctx, viewer, programme.id, body.sponsorId, "sponsor", "body.sponsorId");
      const parties = { coachId, coacheeId, sponsorId };
      authorize(who, { type: "engagement", engagement: parties }, "change", "engagement");
      const id = await inTransaction(ctx.database.db, (repos) =>
        startEngagement(ctx, repos, {
          organizationId: viewer.orgId,
          programmeId: programme.id,
          ...parties,
          plannedSessions: body.plannedSessions ?? null,
          actorPersonId: viewer.person.id,
        }),
      );
      const engagement = await findReadableEngagement(ctx, viewer, id);
      return reply
        .status(201)
        .send({ engagement: { ...engagementView(engagement, who), nextSession: null, sessionCounts: null } });
    },
  );

  api.get(
    "/api/orgs/:orgId/engagements/:engagementId",
    {
      schema: {
        tags: ["engagements"],
        summary: "One engagement with its sessions (sessions only for its coach and coachee)",
        params: EngagementParams,
        response: {
          200: Type.Object({
            engagement: EngagementSchema,
            sessions: Type.Array(SessionSchema),
            permissions: Type.Object({ scheduleSessions: Type.Boolean(), rematch: Type.Boolean() }),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const engagement = await findReadableEngagement(ctx, viewer, request.params.engagementId);
      const who = viewer.viewerFor(engagement.programmeId);
      const seesSessions = allows(who, sessionSubject(engagement), "read");
      const canChange = allows(who, sessionSubject(engagement), "change");
      const sessions = seesSessions
        ? await ctx.repos.engagements.listSessionsOfEngagement(viewer.orgId, engagement.id)
        : [];
      const summary = seesSessions
        ? (await ctx.repos.engagements.summarizeSessions(viewer.orgId, [engagement.id], ctx.clock.now())).get(
            engagement.id,
          )
        : undefined;
      return {
        engagement: {
          ...engagementView(engagement, who),
          nextSession: summary?.next ?? null,
          sessionCounts: summary?.counts ?? null,
        },
        sessions: sessions.map((session) => sessionView(session, canChange, ctx.clock.now())),
        permissions: {
          scheduleSessions: canChange && engagement.status === "active",
          rematch:
            engagement.status === "active" &&
            allows(who, { type: "rematch", engagement: partiesOf(engagement) }, "change") &&
            sessions.filter((s) => s.status === "held").length <= EARLY_SESSIONS,
        },
      };
    },
  );

  api.post(
    "/api/orgs/:orgId/engagements/:engagementId/sessions",
    {
      schema: {
        tags: ["sessions"],
        summary: "Schedule a session (the coach)",
        params: EngagementParams,
        body: Type.Object(
          { startsAt: Instant, durationMinutes: Duration, mode: Mode },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ session: SessionSchema }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const engagement = await findReadableEngagement(ctx, viewer, request.params.engagementId);
      authorize(viewer.viewerFor(engagement.programmeId), sessionSubject(engagement), "change", "session");
      if (engagement.status !== "active") {
        throw new DomainError("conflict", "This engagement is closed; no new sessions can be scheduled.");
      }
      const session: SessionRecord = {
        organizationId: viewer.orgId,
        id: ctx.ids.newId() as SessionId,
        engagementId: engagement.id,
        status: "scheduled",
        startsAt: toInstant(request.body.startsAt, "body.startsAt"),
        durationMinutes: request.body.durationMinutes as Minutes,
        mode: request.body.mode,
        heldAt: null,
        cancelledAt: null,
        cancelReason: null,
        version: 1,
      };
      await inTransaction(ctx.database.db, async (repos) => {
        await repos.engagements.insertSession(session, ctx.clock.now());
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "session.scheduled",
          entityType: "session",
          entityId: session.id,
          detail: { engagementId: engagement.id },
        });
      });
      return reply.status(201).send({ session: sessionView(session, true, ctx.clock.now()) });
    },
  );
}
