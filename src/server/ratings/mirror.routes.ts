// The coach mirror: after a held session the coach rates the alliance from their side and predicts the coachee's rating.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { COACH_MIRROR } from "../../core/instruments/builtins/coach-mirror.ts";
import { validateResponse } from "../../core/instruments/response-validation.ts";
import { type ScoreReport, scoreResponse } from "../../core/instruments/scoring.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import { findSession, SessionParams } from "../engagements/engagement-views.ts";
import { errors } from "../http/schemas.ts";
import { authorize, type OrgViewer, resolveOrgViewer } from "../organizations/org-viewer.ts";
import { predictionOf, refreshAlerts, scoreValue, subscaleValue } from "./alliance-feedback.ts";

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
    const [existing] = (
      await ctx.repos.ratings.listResponsesOfSessions(viewer.orgId, [session.id], COACH_MIRROR.id)
    ).filter((response) => response.respondentId === viewer.person.id);
    return { session, engagement, existing };
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
            response: Type.Union([
              Type.Object({
                answers: Type.Record(Type.String(), Type.Unknown()),
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
      const { existing } = await mirrorContext(viewer, request.params.sessionId, "read");
      return {
        instrument: COACH_MIRROR,
        response: existing
          ? {
              answers: existing.answers,
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
        summary: "Save the coach mirror for a held session, once (the session's coach)",
        params: SessionParams,
        body: Type.Object(
          { answers: Type.Record(Type.String(), Type.Unknown()) },
          { additionalProperties: false },
        ),
        response: { 201: MirrorScores, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const { session, engagement, existing } = await mirrorContext(
        viewer,
        request.params.sessionId,
        "change",
      );
      if (session.status !== "held") {
        throw new DomainError("conflict", "Reflect on a session once it has been held.");
      }
      if (existing) throw new DomainError("conflict", "You have already reflected on this session.");
      const checked = validateResponse(COACH_MIRROR, {
        instrumentId: COACH_MIRROR.id,
        instrumentVersion: COACH_MIRROR.version,
        answers: request.body.answers,
      });
      if (!checked.ok) {
        const [first] = checked.error;
        throw new DomainError(
          "validation_failed",
          checked.error.map((issue) => issue.message).join(" "),
          first?.itemId ? `body.answers.${first.itemId}` : "body.answers",
        );
      }
      const report: ScoreReport = scoreResponse(COACH_MIRROR, checked.value);
      const now = ctx.clock.now();
      await inTransaction(ctx.database.db, async (repos) => {
        await repos.ratings.insertInstrumentResponse({
          organizationId: viewer.orgId,
          id: ctx.ids.newId(),
          sessionId: session.id,
          respondentId: viewer.person.id,
          instrumentId: COACH_MIRROR.id,
          instrumentVersion: COACH_MIRROR.version,
          answers: checked.value.answers,
          scores: report,
          submittedAt: now,
        });
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "mirror.submitted",
          entityType: "reflection",
          entityId: session.id,
          detail: { instrumentVersion: COACH_MIRROR.version },
        });
      });
      app.background.run("alerts after a mirror", async () => {
        await refreshAlerts(ctx, viewer.orgId, engagement);
      });
      return reply.status(201).send({
        total: scoreValue(report.total),
        goals: subscaleValue(report, "goals"),
        approach: subscaleValue(report, "approach"),
        bond: subscaleValue(report, "bond"),
        prediction: predictionOf(checked.value.answers),
      });
    },
  );
}
