// Sessions: edit, mark held or cancel a scheduled session; read and add session notes — all through the policy.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { applySessionEvent, type SessionEvent } from "../../core/sessions/session-lifecycle.ts";
import type { IsoInstant, Minutes, NoteId } from "../../core/shared/brand.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import type { NoteRecord, SessionRecord } from "../../store/engagements/engagement.repository.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import { errors, Instant } from "../http/schemas.ts";
import { allows, authorize, resolveOrgViewer } from "../organizations/org-viewer.ts";
import { settingsFor } from "../ratings/alliance-feedback.ts";
import { issueRatingLink, ratingMail } from "../ratings/rating-links.ts";
import {
  Duration,
  findSession,
  Mode,
  NoteSchema,
  noteSubject,
  noteView,
  SessionParams,
  SessionSchema,
  sessionSubject,
  sessionView,
  toInstant,
} from "./engagement-views.ts";

export async function sessionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  /**
   * Applies a life-cycle event to a session, if the policy and the session's state allow it. A session
   * marked held also gets its rating link (same transaction), mailed to the coachee once committed.
   */
  async function changeSession(
    request: FastifyRequest<{ Params: { orgId: string; sessionId: string } }>,
    event: (now: IsoInstant) => SessionEvent,
    action: string,
  ) {
    const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
    const { session, engagement } = await findSession(ctx, viewer, request.params.sessionId);
    authorize(viewer.viewerFor(engagement.programmeId), sessionSubject(session), "change", "session");
    if (engagement.status !== "active") {
      throw new DomainError("conflict", "This engagement is closed; its sessions can no longer be changed.");
    }
    const now = ctx.clock.now();
    const { parties: _parties, ...record } = session;
    const next: SessionRecord = { ...record, ...applySessionEvent(record, event(now)) };
    // Read outside the transaction: on SQLite the transaction holds the one connection.
    const { periodicCheckEvery } = await settingsFor(ctx, viewer.orgId, engagement.programmeId);
    const link = await inTransaction(ctx.database.db, async (repos) => {
      // Sessions are numbered by the order they were held: two marked at once must not share a number.
      if (next.status === "held") await repos.engagements.lockEngagement(viewer.orgId, engagement.id);
      if (!(await repos.engagements.updateSession(next, now))) {
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
      if (next.status !== "held") return null;
      return await issueRatingLink(
        ctx,
        repos,
        { organizationId: viewer.orgId, sessionId: session.id, engagement },
        periodicCheckEvery,
        now,
      );
    });
    if (link) {
      app.background.run("rating mail", async () => {
        const coachee = await ctx.repos.organizations.findPersonById(viewer.orgId, engagement.coachee.id);
        if (!coachee) return;
        await ctx.mailer.send(
          ratingMail(coachee.email, coachee.displayName, engagement.coach.displayName, link.url, false),
        );
      });
    }
    return {
      session: sessionView({ ...next, version: next.version + 1 }, true, now),
      // For in-room use: the coach can show the link (or its QR code) to the coachee.
      ...(link && { ratingLink: { url: link.url, expiresAt: link.expiresAt } }),
    };
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
        () => ({
          type: "reschedule",
          ...(startsAt !== undefined && { startsAt: toInstant(startsAt, "body.startsAt") }),
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
        response: {
          200: Type.Object({
            session: SessionSchema,
            ratingLink: Type.Optional(Type.Object({ url: Type.String(), expiresAt: Type.String() })),
          }),
          ...errors(401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      await changeSession(request, (now) => ({ type: "mark_held", at: now }), "session.held"),
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
      const { session, engagement } = await findSession(ctx, viewer, request.params.sessionId);
      const who = viewer.viewerFor(engagement.programmeId);
      authorize(who, sessionSubject(session), "read", "session");
      const notes = await ctx.repos.engagements.listNotesOfSession(viewer.orgId, session.id);
      return {
        notes: notes.filter((note) => allows(who, noteSubject(note, session), "read")).map(noteView),
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
      const { session, engagement } = await findSession(ctx, viewer, request.params.sessionId);
      const who = viewer.viewerFor(engagement.programmeId);
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
      return reply.status(201).send({ note: noteView(note) });
    },
  );
}
