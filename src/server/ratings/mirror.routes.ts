// The coach mirror: after a held session the coach rates the alliance from their side and predicts the coachee's rating.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { coachInstrumentsFor } from "../../core/feedback/check-in-schedule.ts";
import { COACH_MIRROR } from "../../core/instruments/builtins/coach-mirror.ts";
import { findInstrument } from "../../core/instruments/registry.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import { findSession, SessionParams } from "../engagements/engagement-views.ts";
import { errors } from "../http/schemas.ts";
import { authorize, type OrgViewer, resolveOrgViewer } from "../organizations/org-viewer.ts";
import { predictionOf, scoreValue, subscaleValue } from "./alliance-feedback.ts";
import { scoredAnswers, scoredMore } from "./answers.ts";
import { heldSessionNumber } from "./rating-links.ts";

const Score = Type.Union([Type.Number(), Type.Null()]);
const MirrorScores = Type.Object({
  total: Score,
  goals: Score,
  approach: Score,
  bond: Score,
  prediction: Score,
});

export async function mirrorRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  /** The session, its engagement, and the caller's existing mirror — for the session's coach only. */
  async function mirrorContext(viewer: OrgViewer, sessionId: string, action: "read" | "change") {
    const { session, engagement } = await findSession(ctx, viewer, sessionId);
    authorize(
      viewer.viewerFor(engagement.programmeId),
      { type: "coach_reflection", engagement: session.parties },
      action,
      "session",
    );
    // The five-pillars self-view joins the mirror at sessions 3, 6 and the last (coachInstrumentsFor).
    const more =
      session.status === "held"
        ? coachInstrumentsFor({
            sessionNumber: await heldSessionNumber(ctx.repos, viewer.orgId, engagement.id, session.id),
            plannedSessions: engagement.plannedSessions,
          })
            .filter((id) => id !== COACH_MIRROR.id)
            .flatMap((id) => findInstrument(id) ?? [])
        : [];
    const own = (
      await ctx.repos.ratings.listResponsesOfSessions(
        viewer.orgId,
        [session.id],
        [COACH_MIRROR.id, ...more.map((instrument) => instrument.id)],
      )
    ).filter((response) => response.respondentId === viewer.person.id);
    const existing = own.find((response) => response.instrumentId === COACH_MIRROR.id);
    const existingMore = own.filter((response) => response.instrumentId !== COACH_MIRROR.id);
    return { session, engagement, existing, more, existingMore };
  }

  api.get(
    "/api/orgs/:orgId/sessions/:sessionId/mirror",
    {
      schema: {
        tags: ["ratings"],
        summary: "The coach mirror for a session, and the coach's answers if given (the session's coach)",
        params: SessionParams,
        response: {
          200: Type.Object({
            instrument: Type.Unknown(),
            more: Type.Array(Type.Unknown()),
            response: Type.Union([
              Type.Object({
                answers: Type.Record(Type.String(), Type.Unknown()),
                more: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())),
                prediction: Score,
                submittedAt: Type.String(),
              }),
              Type.Null(),
            ]),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const { existing, more, existingMore } = await mirrorContext(viewer, request.params.sessionId, "read");
      return {
        instrument: COACH_MIRROR,
        more,
        response: existing
          ? {
              answers: existing.answers,
              more: Object.fromEntries(
                existingMore.map((response) => [response.instrumentId, response.answers]),
              ),
              prediction: predictionOf(existing.answers),
              submittedAt: existing.submittedAt,
            }
          : null,
      };
    },
  );

  api.post(
    "/api/orgs/:orgId/sessions/:sessionId/mirror",
    {
      schema: {
        tags: ["ratings"],
        summary:
          "Save the coach mirror for a held session, once, with the five-pillars self-view in `more` when asked (the session's coach)",
        params: SessionParams,
        body: Type.Object(
          {
            answers: Type.Record(Type.String(), Type.Unknown()),
            more: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
          },
          { additionalProperties: false },
        ),
        response: { 201: MirrorScores, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const { session, engagement, existing, more } = await mirrorContext(
        viewer,
        request.params.sessionId,
        "change",
      );
      if (session.status !== "held") {
        throw new DomainError("conflict", "Reflect on a session once it has been held.");
      }
      if (existing) throw new DomainError("conflict", "You have already reflected on this session.");
      const mirror = scoredAnswers(COACH_MIRROR, request.body.answers, "body.answers");
      const further = scoredMore(more, request.body.more);
      const report = mirror.report;
      const now = ctx.clock.now();
      await inTransaction(ctx.database.db, async (repos) => {
        for (const answered of [mirror, ...further]) {
          await repos.ratings.insertInstrumentResponse({
            organizationId: viewer.orgId,
            id: ctx.ids.newId(),
            sessionId: session.id,
            respondentId: viewer.person.id,
            instrumentId: answered.instrument.id,
            instrumentVersion: answered.instrument.version,
            answers: answered.response.answers,
            scores: answered.report,
            submittedAt: now,
          });
        }
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "mirror.submitted",
          entityType: "reflection",
          entityId: session.id,
          detail: {
            instrumentVersion: COACH_MIRROR.version,
            more: further.map((entry) => entry.instrument.id).join(","),
          },
        });
      });
      app.alertQueue.mark(viewer.orgId, engagement.id);
      return reply.status(201).send({
        total: scoreValue(report.total),
        goals: subscaleValue(report, "goals"),
        approach: subscaleValue(report, "approach"),
        bond: subscaleValue(report, "bond"),
        prediction: predictionOf(mirror.response.answers),
      });
    },
  );
}
