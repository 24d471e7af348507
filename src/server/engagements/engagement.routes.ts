// Engagements and their sessions and notes: list, open, schedule, edit, mark held, cancel — all through the policy.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { Subject, Viewer } from "../../core/contracts/visibility.ts";
import {
  applySessionEvent,
  SESSION_MINUTES,
  type SessionEvent,
} from "../../core/sessions/session-lifecycle.ts";
import type {
  EngagementId,
  IsoInstant,
  Minutes,
  NoteId,
  PersonId,
  ProgrammeId,
  SessionId,
} from "../../core/shared/brand.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import type { Role } from "../../core/shared/roles.ts";
import {
  type EngagementRecord,
  type NoteRecord,
  partiesOf,
  type SessionInContext,
  type SessionRecord,
} from "../../store/engagements/engagement.repository.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import { errors, Id, Instant, OrgParams } from "../http/schemas.ts";
import { allows, authorize, type OrgViewer, resolveOrgViewer } from "../organizations/org-viewer.ts";
import { programmeInOrg } from "../organizations/organization.routes.ts";

const Mode = Type.Union([Type.Literal("in_person"), Type.Literal("video"), Type.Literal("phone")]);
const Duration = Type.Integer({ minimum: SESSION_MINUTES.min, maximum: SESSION_MINUTES.max });
const PersonRefSchema = Type.Object({ id: Type.String(), displayName: Type.String() });
const Counts = Type.Object({ scheduled: Type.Integer(), held: Type.Integer(), cancelled: Type.Integer() });

const EngagementSchema = Type.Object({
  id: Type.String(),
  programmeId: Type.String(),
  programmeName: Type.String(),
  status: Type.String(),
  coach: PersonRefSchema,
  coachee: PersonRefSchema,
  sponsor: Type.Union([PersonRefSchema, Type.Null()]),
  viewerRelation: Type.Union([
    Type.Literal("coach"),
    Type.Literal("coachee"),
    Type.Literal("sponsor"),
    Type.Literal("none"),
  ]),
  nextSession: Type.Union([Type.Object({ id: Type.String(), startsAt: Type.String() }), Type.Null()]),
  sessionCounts: Type.Union([Counts, Type.Null()]),
});

const SessionSchema = Type.Object({
  id: Type.String(),
  engagementId: Type.String(),
  status: Type.String(),
  startsAt: Type.String(),
  durationMinutes: Type.Integer(),
  mode: Type.String(),
  heldAt: Type.Union([Type.String(), Type.Null()]),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  permissions: Type.Object({ change: Type.Boolean() }),
});

const NoteSchema = Type.Object({
  id: Type.String(),
  visibility: Type.String(),
  body: Type.String(),
  authorName: Type.String(),
  createdAt: Type.String(),
});

const SessionParams = Type.Object({ orgId: Id, sessionId: Id });
const EngagementParams = Type.Object({ orgId: Id, engagementId: Id });

function relationOf(viewer: Viewer, engagement: EngagementRecord): "coach" | "coachee" | "sponsor" | "none" {
  if (engagement.coach.id === viewer.personId) return "coach";
  if (engagement.coachee.id === viewer.personId) return "coachee";
  if (engagement.sponsor?.id === viewer.personId) return "sponsor";
  return "none";
}

function sessionSubject(engagement: EngagementRecord | SessionInContext): Subject {
  return {
    type: "session",
    engagement: "parties" in engagement ? engagement.parties : partiesOf(engagement),
  };
}

function sessionView(session: SessionRecord, canChange: boolean) {
  return {
    id: session.id,
    engagementId: session.engagementId,
    status: session.status,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    mode: session.mode,
    heldAt: session.heldAt,
    cancelReason: session.cancelReason,
    permissions: { change: canChange && session.status === "scheduled" },
  };
}

function noteSubject(note: NoteRecord, session: SessionInContext): Subject {
  return {
    type: note.visibility === "shared" ? "shared_note" : "coach_private_note",
    engagement: session.parties,
    authorId: note.author.id,
  };
}

function toInstant(value: string): IsoInstant {
  return new Date(value).toISOString() as IsoInstant;
}

async function findReadableEngagement(
  ctx: AppContext,
  viewer: OrgViewer,
  id: string,
): Promise<EngagementRecord> {
  const engagement = await ctx.repos.engagements.findEngagement(viewer.orgId, id as EngagementId);
  if (!engagement) throw new DomainError("not_found", "No such engagement.");
  authorize(
    viewer.viewerFor(engagement.programmeId),
    { type: "engagement", engagement: partiesOf(engagement) },
    "read",
    "engagement",
  );
  return engagement;
}

async function findSession(
  ctx: AppContext,
  viewer: OrgViewer,
  id: string,
): Promise<{ session: SessionInContext; programmeId: ProgrammeId }> {
  const session = await ctx.repos.engagements.findSessionInContext(viewer.orgId, id as SessionId);
  if (!session) throw new DomainError("not_found", "No such session.");
  const engagement = await ctx.repos.engagements.findEngagement(viewer.orgId, session.engagementId);
  if (!engagement) throw new DomainError("not_found", "No such session.");
  return { session, programmeId: engagement.programmeId };
}

/** Checks that a person exists in the organization and holds `role` in the programme. */
async function personWithRole(
  ctx: AppContext,
  viewer: OrgViewer,
  programmeId: ProgrammeId,
  personId: string,
  role: Role,
  field: string,
): Promise<PersonId> {
  const person = await ctx.repos.organizations.findPersonById(viewer.orgId, personId as PersonId);
  if (!person) throw new DomainError("not_found", `No such person (${field}).`, field);
  const memberships = await ctx.repos.organizations.listMemberships(viewer.orgId, person.id);
  if (
    !memberships.some((m) => m.role === role && (m.programmeId === programmeId || m.programmeId === null))
  ) {
    throw new DomainError(
      "validation_failed",
      `${person.displayName} is not a ${role} in this programme.`,
      field,
    );
  }
  return person.id;
}

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
      const isAdmin = viewer.viewerFor(programmeId).roles.includes("admin");
      const candidates = await ctx.repos.engagements.listEngagements(
        viewer.orgId,
        isAdmin ? { programmeId } : { programmeId, partyId: viewer.person.id },
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
      if (!who.roles.includes("admin")) {
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
      const id = ctx.ids.newId() as EngagementId;
      await inTransaction(ctx.database.db, async (repos) => {
        await repos.engagements.insertEngagement(
          { organizationId: viewer.orgId, id, programmeId: programme.id, ...parties },
          ctx.clock.now(),
        );
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "engagement.started",
          entityType: "engagement",
          entityId: id,
          detail: { programmeId: programme.id },
        });
      });
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
            permissions: Type.Object({ scheduleSessions: Type.Boolean() }),
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
        sessions: sessions.map((session) => sessionView(session, canChange)),
        permissions: { scheduleSessions: canChange && engagement.status === "active" },
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
        startsAt: toInstant(request.body.startsAt),
        durationMinutes: request.body.durationMinutes as Minutes,
        mode: request.body.mode,
        heldAt: null,
        cancelledAt: null,
        cancelReason: null,
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
      return reply.status(201).send({ session: sessionView(session, true) });
    },
  );

  async function changeSession(
    request: { params: { orgId: string; sessionId: string } },
    raw: Parameters<typeof resolveOrgViewer>[1],
    event: (now: IsoInstant) => SessionEvent,
    action: string,
  ) {
    const viewer = await resolveOrgViewer(ctx, raw, request.params.orgId);
    const { session, programmeId } = await findSession(ctx, viewer, request.params.sessionId);
    authorize(viewer.viewerFor(programmeId), sessionSubject(session), "change", "session");
    const now = ctx.clock.now();
    const { parties: _parties, ...record } = session;
    const next: SessionRecord = { ...record, ...applySessionEvent(record, event(now)) };
    await inTransaction(ctx.database.db, async (repos) => {
      if (!(await repos.engagements.updateSession(next, session.status, now))) {
        throw new DomainError(
          "session_state_conflict",
          "This session was changed by someone else; reload and try again.",
        );
      }
      await recordAudit(ctx, repos, {
        organizationId: viewer.orgId,
        actorPersonId: viewer.person.id,
        action,
        entityType: "session",
        entityId: session.id,
        detail: { status: next.status },
      });
    });
    return { session: sessionView(next, true) };
  }

  api.patch(
    "/api/orgs/:orgId/sessions/:sessionId",
    {
      schema: {
        tags: ["sessions"],
        summary: "Edit a scheduled session's time, length or mode (the coach)",
        params: SessionParams,
        body: Type.Object(
          {
            startsAt: Type.Optional(Instant),
            durationMinutes: Type.Optional(Duration),
            mode: Type.Optional(Mode),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Object({ session: SessionSchema }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { startsAt, durationMinutes, mode } = request.body;
      return await changeSession(
        request,
        request,
        () => ({
          type: "reschedule",
          ...(startsAt !== undefined && { startsAt: toInstant(startsAt) }),
          ...(durationMinutes !== undefined && { durationMinutes: durationMinutes as Minutes }),
          ...(mode !== undefined && { mode }),
        }),
        "session.edited",
      );
    },
  );

  api.post(
    "/api/orgs/:orgId/sessions/:sessionId/held",
    {
      schema: {
        tags: ["sessions"],
        summary: "Mark a scheduled session as held (the coach)",
        params: SessionParams,
        response: { 200: Type.Object({ session: SessionSchema }), ...errors(401, 403, 404, 409) },
      },
    },
    async (request) =>
      await changeSession(request, request, (now) => ({ type: "mark_held", at: now }), "session.held"),
  );

  api.post(
    "/api/orgs/:orgId/sessions/:sessionId/cancel",
    {
      schema: {
        tags: ["sessions"],
        summary: "Cancel a scheduled session, with an optional reason (the coach)",
        params: SessionParams,
        body: Type.Optional(
          Type.Object(
            { reason: Type.Optional(Type.String({ maxLength: 500 })) },
            { additionalProperties: false },
          ),
        ),
        response: { 200: Type.Object({ session: SessionSchema }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const reason = request.body?.reason?.trim() || null;
      return await changeSession(
        request,
        request,
        (now) => ({ type: "cancel", at: now, reason }),
        "session.cancelled",
      );
    },
  );

  api.get(
    "/api/orgs/:orgId/sessions/:sessionId/notes",
    {
      schema: {
        tags: ["sessions"],
        summary: "The notes on a session that the caller may read",
        params: SessionParams,
        response: { 200: Type.Object({ notes: Type.Array(NoteSchema) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const { session, programmeId } = await findSession(ctx, viewer, request.params.sessionId);
      const who = viewer.viewerFor(programmeId);
      authorize(who, sessionSubject(session), "read", "session");
      const notes = await ctx.repos.engagements.listNotesOfSession(viewer.orgId, session.id);
      return {
        notes: notes
          .filter((note) => allows(who, noteSubject(note, session), "read"))
          .map((note) => ({
            id: note.id,
            visibility: note.visibility,
            body: note.body,
            authorName: note.author.displayName,
            createdAt: note.createdAt,
          })),
      };
    },
  );

  api.post(
    "/api/orgs/:orgId/sessions/:sessionId/notes",
    {
      schema: {
        tags: ["sessions"],
        summary: "Add a note to a session: private to the coach, or shared with the coachee (the coach)",
        params: SessionParams,
        body: Type.Object(
          {
            visibility: Type.Union([Type.Literal("coach_private"), Type.Literal("shared")]),
            body: Type.String({ minLength: 1, maxLength: 20_000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ note: NoteSchema }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const { session, programmeId } = await findSession(ctx, viewer, request.params.sessionId);
      const who = viewer.viewerFor(programmeId);
      // Notes are the coach's: writing one needs the right to change the session.
      authorize(who, sessionSubject(session), "change", "session");
      const note: NoteRecord = {
        organizationId: viewer.orgId,
        id: ctx.ids.newId() as NoteId,
        sessionId: session.id,
        author: { id: viewer.person.id, displayName: viewer.person.displayName },
        visibility: request.body.visibility,
        body: request.body.body,
        createdAt: ctx.clock.now(),
      };
      authorize(who, noteSubject(note, session), "change", "note");
      await inTransaction(ctx.database.db, async (repos) => {
        await repos.engagements.insertNote({ ...note, authorId: note.author.id }, note.createdAt);
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "note.added",
          entityType: "session_note",
          entityId: note.id,
          detail: { sessionId: session.id, visibility: note.visibility },
        });
      });
      return reply.status(201).send({
        note: {
          id: note.id,
          visibility: note.visibility,
          body: note.body,
          authorName: note.author.displayName,
          createdAt: note.createdAt,
        },
      });
    },
  );
}

function engagementView(engagement: EngagementRecord, viewer: Viewer) {
  return {
    id: engagement.id,
    programmeId: engagement.programmeId,
    programmeName: engagement.programmeName,
    status: engagement.status,
    coach: engagement.coach,
    coachee: engagement.coachee,
    sponsor: engagement.sponsor,
    viewerRelation: relationOf(viewer, engagement),
  };
}
