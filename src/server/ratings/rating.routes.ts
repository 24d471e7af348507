// The coachee rates a held session from a single-use link (no account); the coach reads the alliance trend.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { parseSupportResources, referralResources } from "../../core/feedback/support-resources.ts";
import { screenWellbeing, WELLBEING_SCREEN } from "../../core/instruments/builtins/wellbeing-screen.ts";
import type { Instrument } from "../../core/instruments/instrument.ts";
import { findInstrument } from "../../core/instruments/registry.ts";
import { validateResponse } from "../../core/instruments/response-validation.ts";
import { type ScoreReport, scoreResponse } from "../../core/instruments/scoring.ts";
import type { EngagementId } from "../../core/shared/brand.ts";
import { DomainError, isDomainError } from "../../core/shared/domain-error.ts";
import type {
  InstrumentResponseRecord,
  RatingLinkInContext,
  RatingLinkRecord,
} from "../../store/ratings/rating.repository.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import { hashToken } from "../auth/tokens.ts";
import { EngagementParams } from "../engagements/engagement-views.ts";
import { errors, TokenParams } from "../http/schemas.ts";
import { allows } from "../organizations/org-viewer.ts";
import { AlertSchema } from "./alert.routes.ts";
import {
  alertView,
  loadAlliance,
  readableAlliance,
  refreshAlerts,
  scoreValue,
  settingsFor,
  subscaleValue,
} from "./alliance-feedback.ts";
import { scoredMore } from "./answers.ts";
import { heldSessionNumber } from "./rating-links.ts";

const LINK_INVALID = "This rating link has expired or was already used. Thank you — nothing more to do here.";

const ScoreSchema = Type.Union([Type.Number(), Type.Null()]);
const TrendPointSchema = Type.Object({
  sessionId: Type.String(),
  sessionNumber: Type.Integer(),
  startsAt: Type.String(),
  total: ScoreSchema,
  prediction: ScoreSchema,
  goals: ScoreSchema,
  approach: ScoreSchema,
  bond: ScoreSchema,
});

function instrumentById(link: RatingLinkRecord, id: string): Instrument {
  const instrument = findInstrument(id);
  if (!instrument) throw new Error(`rating link ${link.id} names unknown instrument ${id}`);
  return instrument;
}

function instrumentOf(link: RatingLinkRecord): Instrument {
  return instrumentById(link, link.instrumentId);
}

const ResourceSchema = Type.Object({ name: Type.String(), contact: Type.String(), note: Type.String() });
const ReferralSchema = Type.Union([
  Type.Object({ resources: Type.Array(ResourceSchema), programmeConfigured: Type.Boolean() }),
  Type.Null(),
]);
const SubmittedSchema = Type.Object({
  total: ScoreSchema,
  goals: ScoreSchema,
  approach: ScoreSchema,
  bond: ScoreSchema,
  /** Set when the wellbeing screen was positive: the calm referral page's resources. */
  referral: ReferralSchema,
});

export async function ratingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  /**
   * The further instruments the link asks now: those it was made with, less the wellbeing screen if the
   * coachee has turned it off since (their consent counts at the time they answer).
   */
  async function askedMore(link: RatingLinkRecord, engagementId: EngagementId): Promise<string[]> {
    if (!link.extraInstruments.includes(WELLBEING_SCREEN.id)) return [...link.extraInstruments];
    const engagement = await ctx.repos.engagements.findEngagement(link.organizationId, engagementId);
    return engagement?.wellbeingScreen
      ? [...link.extraInstruments]
      : link.extraInstruments.filter((id) => id !== WELLBEING_SCREEN.id);
  }

  /** The link's session, if the link is unused, unexpired and its session can still be rated. */
  async function openLink(token: string) {
    return checkLink(await ctx.repos.ratings.findRatingLinkByTokenHash(hashToken(token)));
  }

  function checkLink(link: RatingLinkInContext | undefined) {
    if (!link || link.usedAt !== null || link.expiresAt <= ctx.clock.now()) {
      throw new DomainError("link_invalid", LINK_INVALID);
    }
    if (link.sessionStatus === "cancelled") {
      throw new DomainError("conflict", "This session was cancelled, so there is nothing to rate.");
    }
    return { link, session: { status: link.sessionStatus, engagementId: link.engagementId } };
  }

  api.get(
    "/api/ratings/:token",
    {
      schema: {
        tags: ["ratings"],
        summary: "What a rating link asks: the instrument and the session (no account needed)",
        params: TokenParams,
        response: {
          200: Type.Object({
            instrument: Type.Unknown(),
            more: Type.Array(Type.Unknown()),
            session: Type.Object({
              startsAt: Type.String(),
              coachName: Type.String(),
              sessionNumber: Type.Integer(),
            }),
            expiresAt: Type.String(),
          }),
          ...errors(409, 410),
        },
      },
    },
    async (request) => {
      const { link } = await openLink(request.params.token);
      const session = await ctx.repos.engagements.findSessionInContext(link.organizationId, link.sessionId);
      if (!session) throw new DomainError("link_invalid", LINK_INVALID);
      const coach = await ctx.repos.organizations.findPersonById(
        link.organizationId,
        session.parties.coachId,
      );
      return {
        instrument: instrumentOf(link),
        more: (await askedMore(link, session.engagementId)).map((id) => instrumentById(link, id)),
        session: {
          startsAt: session.startsAt,
          coachName: coach?.displayName ?? "your coach",
          // The number the link's questions were chosen by (older links: the number now).
          sessionNumber:
            link.sessionNumber ??
            (await heldSessionNumber(ctx.repos, link.organizationId, session.engagementId, session.id)),
        },
        expiresAt: link.expiresAt,
      };
    },
  );

  api.post(
    "/api/ratings/:token",
    {
      schema: {
        tags: ["ratings"],
        summary:
          "Submit the rating, with any of the link's further check-ins in `more`; the link then stops working (a repeated identical submit is answered the same)",
        params: TokenParams,
        body: Type.Object(
          {
            answers: Type.Record(Type.String(), Type.Unknown()),
            more: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
          },
          { additionalProperties: false },
        ),
        response: { 201: SubmittedSchema, 200: SubmittedSchema, ...errors(400, 409, 410) },
      },
    },
    async (request, reply) => {
      const known = await ctx.repos.ratings.findRatingLinkByTokenHash(hashToken(request.params.token));
      if (!known) throw new DomainError("link_invalid", LINK_INVALID);
      const instrument = instrumentOf(known);
      const checked = validateResponse(instrument, {
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        answers: request.body.answers,
      });
      // A double submit (a second tap, a retry after a lost answer, two at once) finds the link used and
      // the same answers stored: it gets the same answer, and nothing new is stored.
      // Identical means the Alliance Check and every further check-in, answered or left out alike.
      const sameAsStored = async () => {
        if (!checked.ok) return undefined;
        const stored = (
          await ctx.repos.ratings.listResponsesOfSessions(
            known.organizationId,
            [known.sessionId],
            [known.instrumentId, ...known.extraInstruments],
          )
        ).filter((response) => response.respondentId === known.respondentId);
        const main = stored.find((response) => response.instrumentId === known.instrumentId);
        if (!main || canonical(main.answers) !== canonical(checked.value.answers)) return undefined;
        const sent = request.body.more ?? {};
        const storedMore = stored.filter((response) => response.instrumentId !== known.instrumentId);
        if (Object.keys(sent).length !== storedMore.length) return undefined;
        for (const response of storedMore) {
          const given = sent[response.instrumentId];
          if (typeof given !== "object" || given === null || Array.isArray(given)) return undefined;
          if (canonical(response.answers) !== canonical(given as Record<string, unknown>)) return undefined;
        }
        return main;
      };
      const replay = async (stored: InstrumentResponseRecord) =>
        reply.status(200).send({
          ...summary(stored.scores as ScoreReport),
          referral: await referralAfter(ctx, known, null),
        });
      if (known.usedAt !== null) {
        const stored = await sameAsStored();
        if (stored) return await replay(stored);
      }
      let link: RatingLinkRecord;
      let engagementId: EngagementId;
      try {
        const opened = checkLink(known);
        link = opened.link;
        engagementId = opened.session.engagementId;
      } catch (error) {
        // Used between our two reads by a simultaneous identical submit: answer as it was answered.
        const stored =
          isDomainError(error) && error.code === "link_invalid" ? await sameAsStored() : undefined;
        if (stored) return await replay(stored);
        throw error;
      }
      if (!checked.ok) {
        const [first] = checked.error;
        throw new DomainError(
          "validation_failed",
          checked.error.map((issue) => issue.message).join(" "),
          first?.itemId ? `body.answers.${first.itemId}` : "body.answers",
        );
      }
      const further = scoredMore(
        (await askedMore(link, engagementId)).map((id) => instrumentById(link, id)),
        request.body.more,
      );
      const report = scoreResponse(instrument, checked.value);
      const now = ctx.clock.now();
      const won = await inTransaction(ctx.database.db, async (repos) => {
        if (!(await repos.ratings.markRatingLinkUsed(link.organizationId, link.id, now))) return false;
        for (const answered of [{ instrument, response: checked.value, report }, ...further]) {
          await repos.ratings.insertInstrumentResponse({
            organizationId: link.organizationId,
            id: ctx.ids.newId(),
            sessionId: link.sessionId,
            respondentId: link.respondentId,
            instrumentId: answered.instrument.id,
            instrumentVersion: answered.instrument.version,
            answers: answered.response.answers,
            scores: answered.report,
            submittedAt: now,
          });
        }
        await recordAudit(ctx, repos, {
          organizationId: link.organizationId,
          actorPersonId: link.respondentId,
          action: "rating.submitted",
          entityType: "rating",
          entityId: link.id,
          detail: {
            instrumentId: instrument.id,
            instrumentVersion: instrument.version,
            more: further.map((entry) => entry.instrument.id).join(","),
          },
        });
        return true;
      });
      if (!won) {
        // Another request used the link a moment earlier: the same answers get the same answer.
        const stored = await sameAsStored();
        if (stored) return await replay(stored);
        throw new DomainError("link_invalid", LINK_INVALID);
      }
      // The new rating may raise alerts for the coach: the rules run in the next batch, after the answer.
      app.alertQueue.mark(link.organizationId, engagementId);
      const screen = further.find((entry) => entry.instrument.id === WELLBEING_SCREEN.id);
      return reply
        .status(201)
        .send({ ...summary(report), referral: await referralAfter(ctx, link, screen?.report ?? null) });
    },
  );

  api.get(
    "/api/orgs/:orgId/engagements/:engagementId/alliance",
    {
      schema: {
        tags: ["ratings"],
        summary: "The alliance trend of an engagement (its coach and coachee), with the coach's alerts",
        params: EngagementParams,
        response: {
          200: Type.Object({
            cutoff: Type.Number(),
            points: Type.Array(TrendPointSchema),
            alerts: Type.Array(AlertSchema),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const { viewer, engagement, who, parties } = await readableAlliance(ctx, request);
      const loaded = await loadAlliance(ctx, viewer.orgId, engagement);
      const { history } = loaded;
      // The coach's predictions are their own reflection: nobody else sees them.
      const points = allows(who, { type: "coach_reflection", engagement: parties }, "read")
        ? loaded.points
        : loaded.points.map((point) => ({ ...point, prediction: null }));
      const cutoff = (await settingsFor(ctx, viewer.orgId, engagement.programmeId)).weakAllianceCutoff0to40;
      if (!allows(who, { type: "alliance_alert", engagement: parties }, "read")) {
        return { cutoff, points, alerts: [] };
      }
      // Time alone can raise an alert (ratings missed), so the rules run again whenever the coach looks.
      await refreshAlerts(ctx, viewer.orgId, engagement, history);
      const stored = await ctx.repos.alerts.listAlertsOfEngagements(
        viewer.orgId,
        [engagement.id],
        ["open", "acknowledged", "resolved"],
      );
      const numbers = new Map(points.map((p) => [p.sessionId, p.sessionNumber]));
      return {
        cutoff,
        points,
        alerts: stored.map((alert) => alertView(alert, engagement, numbers.get(alert.sessionId) ?? null)),
      };
    },
  );
}

/**
 * The referral page's resources when the coachee's wellbeing screen for the link's session was positive,
 * else null. `report` is the screen just scored; without it (a replayed submit) the stored one is read.
 */
async function referralAfter(ctx: AppContext, link: RatingLinkRecord, report: ScoreReport | null) {
  if (!link.extraInstruments.includes(WELLBEING_SCREEN.id)) return null;
  const screen =
    report ??
    ((
      await ctx.repos.ratings.listResponsesOfSessions(
        link.organizationId,
        [link.sessionId],
        WELLBEING_SCREEN.id,
      )
    ).find((response) => response.respondentId === link.respondentId)?.scores as ScoreReport | undefined);
  if (!screen || !screenWellbeing(screen).positive) return null;
  const session = await ctx.repos.engagements.findSessionInContext(link.organizationId, link.sessionId);
  const engagement =
    session && (await ctx.repos.engagements.findEngagement(link.organizationId, session.engagementId));
  const configured = engagement
    ? parseSupportResources(
        await ctx.repos.organizations.findSupportResources(link.organizationId, engagement.programmeId),
      )
    : [];
  const { resources, programmeConfigured } = referralResources(configured);
  return { resources: [...resources], programmeConfigured };
}

/** JSON with sorted keys, so that answers compare equal whatever order they were sent in. */
function canonical(answers: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(answers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  );
}

function summary(report: ScoreReport) {
  return {
    total: scoreValue(report.total),
    goals: subscaleValue(report, "goals"),
    approach: subscaleValue(report, "approach"),
    bond: subscaleValue(report, "bond"),
  };
}
