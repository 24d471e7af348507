// The periodic check-ins of an engagement (coach attributes, five pillars, side effects, wellbeing screen),
// the coachee's wellbeing-screen switch, the engagement's planned length, and a programme's support resources.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { CHECK_IN_INSTRUMENTS } from "../../core/feedback/check-in-schedule.ts";
import {
  parseSupportResources,
  referralResources,
  SUPPORT_RESOURCE_LIMITS,
  SUPPORT_RESOURCES_MAX,
} from "../../core/feedback/support-resources.ts";
import { reportedSideEffects } from "../../core/instruments/builtins/side-effects-check.ts";
import { screenWellbeing } from "../../core/instruments/builtins/wellbeing-screen.ts";
import type { ScoreReport } from "../../core/instruments/scoring.ts";
import type { ProgrammeId } from "../../core/shared/brand.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import { type EngagementRecord, partiesOf } from "../../store/engagements/engagement.repository.ts";
import type { InstrumentResponseRecord } from "../../store/ratings/rating.repository.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import {
  EngagementParams,
  engagementFor,
  findReadableEngagement,
  PlannedSessions,
  sessionSubject,
} from "../engagements/engagement-views.ts";
import { errors, Id } from "../http/schemas.ts";
import { allows, resolveOrgViewer } from "../organizations/org-viewer.ts";
import { programmeSettingsFor } from "../organizations/organization.routes.ts";
import { readableAlliance, scoreValue } from "./alliance-feedback.ts";

const Score = Type.Union([Type.Number(), Type.Null()]);
const ItemScores = Type.Object({ total: Score, items: Type.Record(Type.String(), Score) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const CheckInSession = Type.Object({
  sessionId: Type.String(),
  sessionNumber: Type.Integer(),
  startsAt: Type.String(),
  coachAttributes: Nullable(ItemScores),
  fivePillars: Type.Object({ coachee: Nullable(ItemScores), coach: Nullable(ItemScores) }),
  sideEffects: Nullable(
    Type.Object({
      reported: Type.Array(Type.Object({ categoryId: Type.String(), label: Type.String() })),
      comment: Nullable(Type.String()),
    }),
  ),
  wellbeing: Nullable(Type.Object({ phq2: Score, gad2: Score, positive: Type.Boolean() })),
});

const ResourceSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: SUPPORT_RESOURCE_LIMITS.name }),
    contact: Type.String({ maxLength: SUPPORT_RESOURCE_LIMITS.contact }),
    note: Type.String({ maxLength: SUPPORT_RESOURCE_LIMITS.note }),
  },
  { additionalProperties: false },
);
const ResourcesResponse = Type.Object({
  resources: Type.Array(ResourceSchema),
  /** What the referral page shows now: the programme's list, or the general defaults while it has none. */
  shown: Type.Array(ResourceSchema),
  programmeConfigured: Type.Boolean(),
});

function itemScores(response: InstrumentResponseRecord | undefined) {
  if (!response) return null;
  const report = response.scores as ScoreReport;
  return {
    total: scoreValue(report.total),
    items: Object.fromEntries(
      report.items.map((item) => [item.itemId, item.status === "scored" ? item.score : null]),
    ),
  };
}

function refuseIfClosed(engagement: EngagementRecord): void {
  if (engagement.status !== "active") {
    throw new DomainError("conflict", "This engagement is closed; its settings can no longer be changed.");
  }
}

export async function checkInRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    "/api/orgs/:orgId/engagements/:engagementId/check-ins",
    {
      schema: {
        tags: ["ratings"],
        summary:
          "The periodic check-ins per held session: coach attributes, five pillars (the coachee's view; the coach's self-view to the coach), side effects, and the wellbeing screen to the coachee only",
        params: EngagementParams,
        response: { 200: Type.Object({ sessions: Type.Array(CheckInSession) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const { viewer, engagement, who, parties } = await readableAlliance(ctx, request);
      const ownSelfView = allows(who, { type: "coach_reflection", engagement: parties }, "read");
      const ownScreen = allows(who, { type: "wellbeing_screen", engagement: parties }, "read");
      const held = (await ctx.repos.engagements.listSessionsOfEngagement(viewer.orgId, engagement.id)).filter(
        (s) => s.status === "held",
      );
      const wanted = [
        CHECK_IN_INSTRUMENTS.coachAttributes,
        CHECK_IN_INSTRUMENTS.fivePillarsCoachee,
        CHECK_IN_INSTRUMENTS.sideEffects,
        ...(ownSelfView ? [CHECK_IN_INSTRUMENTS.fivePillarsCoach] : []),
        ...(ownScreen ? [CHECK_IN_INSTRUMENTS.wellbeing] : []),
      ];
      const responses = await ctx.repos.ratings.listResponsesOfSessions(
        viewer.orgId,
        held.map((s) => s.id),
        wanted,
      );
      const find = (sessionId: string, instrumentId: string, respondentId: string) =>
        responses.find(
          (r) =>
            r.sessionId === sessionId && r.instrumentId === instrumentId && r.respondentId === respondentId,
        );
      const coacheeId = engagement.coachee.id;
      const sessions = held
        .map((s, index) => {
          const sideEffects = find(s.id, CHECK_IN_INSTRUMENTS.sideEffects, coacheeId);
          const screen = find(s.id, CHECK_IN_INSTRUMENTS.wellbeing, coacheeId);
          const result = screen && screenWellbeing(screen.scores as ScoreReport);
          const comment = sideEffects?.answers["anything-else"];
          return {
            sessionId: s.id,
            sessionNumber: index + 1,
            startsAt: s.startsAt,
            coachAttributes: itemScores(find(s.id, CHECK_IN_INSTRUMENTS.coachAttributes, coacheeId)),
            fivePillars: {
              coachee: itemScores(find(s.id, CHECK_IN_INSTRUMENTS.fivePillarsCoachee, coacheeId)),
              coach: itemScores(find(s.id, CHECK_IN_INSTRUMENTS.fivePillarsCoach, engagement.coach.id)),
            },
            sideEffects: sideEffects
              ? {
                  reported: reportedSideEffects(sideEffects.scores as ScoreReport),
                  comment: typeof comment === "string" && comment.trim() !== "" ? comment : null,
                }
              : null,
            wellbeing: result
              ? {
                  phq2: result.phq2.status === "incomplete" ? null : result.phq2.score,
                  gad2: result.gad2.status === "incomplete" ? null : result.gad2.score,
                  positive: result.positive,
                }
              : null,
          };
        })
        .filter(
          (s) =>
            s.coachAttributes || s.fivePillars.coachee || s.fivePillars.coach || s.sideEffects || s.wellbeing,
        );
      return { sessions };
    },
  );

  api.put(
    "/api/orgs/:orgId/engagements/:engagementId/wellbeing-screen",
    {
      schema: {
        tags: ["ratings"],
        summary:
          "Turn the wellbeing screen (PHQ-2, GAD-2 after each session) on or off for this engagement (the coachee only)",
        params: EngagementParams,
        body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
        response: {
          200: Type.Object({ wellbeingScreen: Type.Boolean() }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { viewer, engagement } = await engagementFor(ctx, request, "wellbeing_screen", "change");
      refuseIfClosed(engagement);
      const enabled = request.body.enabled;
      await inTransaction(ctx.database.db, async (repos) => {
        await repos.engagements.setWellbeingScreen(viewer.orgId, engagement.id, enabled);
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: enabled ? "wellbeing_screen.enabled" : "wellbeing_screen.disabled",
          // Its own entity type, kept out of the admins' audit listing: turning it on says something personal.
          entityType: "wellbeing_screen",
          entityId: engagement.id,
          detail: {},
        });
      });
      return { wellbeingScreen: enabled };
    },
  );

  api.put(
    "/api/orgs/:orgId/engagements/:engagementId/planned-sessions",
    {
      schema: {
        tags: ["engagements"],
        summary:
          "Set how many sessions the engagement plans (null: not planned); the last one asks the five pillars and side effects (its coach or programme admins)",
        params: EngagementParams,
        body: Type.Object(
          { plannedSessions: Type.Union([PlannedSessions, Type.Null()]) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ plannedSessions: Nullable(Type.Integer()) }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const engagement = await findReadableEngagement(ctx, viewer, request.params.engagementId);
      const who = viewer.viewerFor(engagement.programmeId);
      // The coach plans their sessions; programme admins set up engagements.
      if (
        !allows(who, sessionSubject(engagement), "change") &&
        !allows(who, { type: "engagement", engagement: partiesOf(engagement) }, "change")
      ) {
        throw new DomainError("forbidden", "Only the coach or a programme admin can plan the sessions.");
      }
      refuseIfClosed(engagement);
      const planned = request.body.plannedSessions;
      if (planned !== null) {
        const held = (
          await ctx.repos.engagements.listSessionsOfEngagement(viewer.orgId, engagement.id)
        ).filter((session) => session.status === "held").length;
        if (planned < held) {
          throw new DomainError(
            "validation_failed",
            `${held} sessions have been held already; plan at least ${held}.`,
            "body.plannedSessions",
          );
        }
      }
      await inTransaction(ctx.database.db, async (repos) => {
        await repos.engagements.setPlannedSessions(viewer.orgId, engagement.id, planned);
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "engagement.planned",
          entityType: "engagement",
          entityId: engagement.id,
          detail: { plannedSessions: planned },
        });
      });
      return { plannedSessions: planned };
    },
  );

  const ProgrammeParams = Type.Object({ orgId: Id, programmeId: Id });

  async function resourcesView(
    orgId: Parameters<typeof ctx.repos.organizations.findSupportResources>[0],
    programmeId: ProgrammeId,
  ) {
    const resources = parseSupportResources(
      await ctx.repos.organizations.findSupportResources(orgId, programmeId),
    );
    const shown = referralResources(resources);
    return { resources, shown: [...shown.resources], programmeConfigured: shown.programmeConfigured };
  }

  api.get(
    "/api/orgs/:orgId/programmes/:programmeId/support-resources",
    {
      schema: {
        tags: ["alerts"],
        summary:
          "The support resources the referral page shows after a positive wellbeing screen (admins and coaches)",
        params: ProgrammeParams,
        response: { 200: ResourcesResponse, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { viewer, programmeId } = await programmeSettingsFor(ctx, request, "read");
      return await resourcesView(viewer.orgId, programmeId);
    },
  );

  api.put(
    "/api/orgs/:orgId/programmes/:programmeId/support-resources",
    {
      schema: {
        tags: ["alerts"],
        summary: `Set the programme's support resources, at most ${SUPPORT_RESOURCES_MAX}; [] shows the general defaults (programme admins)`,
        params: ProgrammeParams,
        body: Type.Object(
          { resources: Type.Array(ResourceSchema, { maxItems: SUPPORT_RESOURCES_MAX }) },
          { additionalProperties: false },
        ),
        response: { 200: ResourcesResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { viewer, programmeId } = await programmeSettingsFor(ctx, request, "change");
      const resources = request.body.resources.map((r, index) => {
        const name = r.name.trim();
        if (name === "") {
          throw new DomainError(
            "validation_failed",
            "Each resource needs a name.",
            `body.resources.${index}.name`,
          );
        }
        return { name, contact: r.contact.trim(), note: r.note.trim() };
      });
      await inTransaction(ctx.database.db, async (repos) => {
        await repos.organizations.saveSupportResources(viewer.orgId, programmeId, resources);
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "support_resources.changed",
          entityType: "programme",
          entityId: programmeId,
          detail: { count: resources.length },
        });
      });
      return await resourcesView(viewer.orgId, programmeId);
    },
  );
}
