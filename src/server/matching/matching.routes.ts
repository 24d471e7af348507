// Matching in the app: admins import profiles, review the proposed cohort assignment (with the reasons
// for each pair and for each coachee left out), override and confirm it, and see whether the match
// score predicts the early alliance; a waiting coachee sees their shortlist and chooses a coach.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { EARLY_SESSIONS, MIN_PAIRS_FOR_EVIDENCE, matchEvidence } from "../../core/matching/evidence.ts";
import {
  type ComponentScore,
  DEFAULT_MATCH_SETTINGS,
  MATCH_COMPONENTS,
  MATCH_WEIGHT_MAX,
  MAX_TIME_ZONE_GAP_LIMIT,
  resolveMatchSettings,
} from "../../core/matching/match-score.ts";
import { coacheesFromRows, coachesFromRows, ProfileError } from "../../core/matching/profile-import.ts";
import type { EngagementId, OrganizationId, PersonId, ProgrammeId } from "../../core/shared/brand.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import { partiesOf } from "../../store/engagements/engagement.repository.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import { startEngagement } from "../engagements/start-engagement.ts";
import { errors, Id, normalizeEmail, OrgParams } from "../http/schemas.ts";
import { authorize, resolveOrgViewer } from "../organizations/org-viewer.ts";
import { programmeFor, programmeSettingsFor } from "../organizations/organization.routes.ts";
import { loadAlliances } from "../ratings/alliance-feedback.ts";
import { csvRows } from "./profile-csv.ts";
import {
  loadProgrammeMatching,
  type MatchingCoach,
  type ProgrammeMatching,
  proposeCohort,
  shortlistFor,
} from "./programme-matching.ts";

const ProgrammeParams = Type.Object({ orgId: Id, programmeId: Id });
const PersonRef = Type.Object({ id: Type.String(), name: Type.String() });
const Reason = Type.Object({ component: Type.String(), value: Type.Number(), reason: Type.String() });
const ProposalSchema = Type.Object({
  coachee: PersonRef,
  coach: Type.Union([PersonRef, Type.Null()]),
  score: Type.Union([Type.Number(), Type.Null()]),
  reasons: Type.Array(Reason),
  source: Type.Union([Type.Literal("choice"), Type.Literal("cohort"), Type.Null()]),
  unassignedReason: Type.Union([Type.String(), Type.Null()]),
  options: Type.Array(Type.Object({ coach: PersonRef, score: Type.Number() })),
});
const EvidenceSchema = Type.Object({
  component: Type.String(),
  n: Type.Integer(),
  status: Type.Union([
    Type.Literal("estimated"),
    Type.Literal("not_enough_data"),
    Type.Literal("no_variation"),
  ]),
  r: Type.Union([Type.Number(), Type.Null()]),
  low: Type.Union([Type.Number(), Type.Null()]),
  high: Type.Union([Type.Number(), Type.Null()]),
});

const personRef = (person: { id: string; displayName: string }) => ({
  id: person.id,
  name: person.displayName,
});
const reasonsOf = (components: readonly ComponentScore[]) =>
  components.map((c) => ({ component: c.component, value: c.value, reason: c.reason }));

export async function matchingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.put(
    "/api/orgs/:orgId/programmes/:programmeId/matching/profiles",
    {
      schema: {
        tags: ["matching"],
        summary:
          "Import coach or coachee matching profiles from CSV; the id column is the person's email (programme admins). Age columns are dropped.",
        params: ProgrammeParams,
        body: Type.Object(
          {
            role: Type.Union([Type.Literal("coach"), Type.Literal("coachee")]),
            csv: Type.String({ minLength: 1, maxLength: 2_000_000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ imported: Type.Integer() }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { viewer, programmeId } = await programmeFor(ctx, request);
      const { role, csv } = request.body;
      const type = role === "coach" ? "coach_profile" : "coachee_profile";
      authorize(viewer.viewerFor(programmeId), { type }, "change", "profile");
      const members = (await ctx.repos.organizations.listMemberships(viewer.orgId)).filter(
        (m) => m.programmeId === programmeId && m.role === role,
      );
      const memberIds = new Set(members.map((m) => m.personId));
      let profiles: { personId: PersonId; profile: Record<string, unknown> }[];
      try {
        const rows = csvRows(csv);
        const parsed = role === "coach" ? coachesFromRows(rows) : coacheesFromRows(rows);
        profiles = [];
        for (const [index, profile] of parsed.entries()) {
          const line = rows[index]?.line ?? index + 2;
          const person = await ctx.repos.organizations.findPersonByEmail(
            viewer.orgId,
            normalizeEmail(profile.id),
          );
          if (!person || !memberIds.has(person.id)) {
            throw new ProfileError(
              line,
              `"${profile.id}" is not a ${role} of this programme (the id column is the email)`,
            );
          }
          const { id: _email, ...rest } = profile;
          profiles.push({ personId: person.id, profile: rest });
        }
      } catch (error) {
        if (error instanceof ProfileError)
          throw new DomainError("validation_failed", error.message, "body.csv");
        throw error;
      }
      const now = ctx.clock.now();
      await inTransaction(ctx.database.db, async (repos) => {
        for (const { personId, profile } of profiles) {
          await repos.matching.saveProfile(viewer.orgId, personId, role, profile, now);
        }
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "matching.profiles_imported",
          entityType: "programme",
          entityId: programmeId,
          detail: { role, count: profiles.length },
        });
      });
      return { imported: profiles.length };
    },
  );

  const WeightsSchema = Type.Object(
    Object.fromEntries(
      MATCH_COMPONENTS.map((c) => [c, Type.Number({ minimum: 0, maximum: MATCH_WEIGHT_MAX })]),
    ),
    { additionalProperties: false },
  );
  const SettingsView = Type.Object({
    settings: Type.Object({ weights: WeightsSchema, maxTimeZoneGapHours: Type.Number() }),
    defaults: Type.Object({ weights: WeightsSchema, maxTimeZoneGapHours: Type.Number() }),
  });
  const settingsView = async (orgId: OrganizationId, programmeId: ProgrammeId) => ({
    settings: resolveMatchSettings(await ctx.repos.matching.findSettings(orgId, programmeId)),
    defaults: DEFAULT_MATCH_SETTINGS,
  });

  api.get(
    "/api/orgs/:orgId/programmes/:programmeId/matching/settings",
    {
      schema: {
        tags: ["matching"],
        summary:
          "The programme's match score weights and time-zone limit, with the defaults (admins and coaches)",
        params: ProgrammeParams,
        response: { 200: SettingsView, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { viewer, programmeId } = await programmeSettingsFor(ctx, request, "read");
      return await settingsView(viewer.orgId, programmeId);
    },
  );

  api.put(
    "/api/orgs/:orgId/programmes/:programmeId/matching/settings",
    {
      schema: {
        tags: ["matching"],
        summary: `Set the programme's match score weights (each 0–${MATCH_WEIGHT_MAX}) and time-zone limit (0–${MAX_TIME_ZONE_GAP_LIMIT} h); left out = the default (programme admins)`,
        params: ProgrammeParams,
        body: Type.Object(
          {
            weights: Type.Optional(Type.Partial(WeightsSchema, { additionalProperties: false })),
            maxTimeZoneGapHours: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_TIME_ZONE_GAP_LIMIT })),
          },
          { additionalProperties: false },
        ),
        response: { 200: SettingsView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { viewer, programmeId } = await programmeSettingsFor(ctx, request, "change");
      const now = ctx.clock.now();
      await inTransaction(ctx.database.db, async (repos) => {
        await repos.matching.saveSettings(viewer.orgId, programmeId, request.body, now);
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "matching.settings_changed",
          entityType: "programme",
          entityId: programmeId,
        });
      });
      return await settingsView(viewer.orgId, programmeId);
    },
  );

  const proposalView = (matching: ProgrammeMatching) =>
    proposeCohort(matching).map((p) => ({
      coachee: personRef(p.coachee.person),
      coach: p.coach ? personRef(p.coach.person) : null,
      score: p.score,
      reasons: reasonsOf(p.components),
      source: p.source,
      unassignedReason: p.reason,
      options: p.options.map((o) => ({ coach: personRef(o.coach.person), score: o.score })),
    }));

  api.get(
    "/api/orgs/:orgId/programmes/:programmeId/matching/cohort",
    {
      schema: {
        tags: ["matching"],
        summary:
          "The proposed assignment of the programme's waiting coachees: their own choices, then the exact cohort optimum (programme admins)",
        params: ProgrammeParams,
        response: {
          200: Type.Object({
            proposals: Type.Array(ProposalSchema),
            withoutProfile: Type.Array(PersonRef),
            coaches: Type.Array(
              Type.Object({ coach: PersonRef, capacity: Type.Integer(), load: Type.Integer() }),
            ),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { viewer, programmeId } = await programmeFor(ctx, request);
      authorize(viewer.viewerFor(programmeId), { type: "coachee_profile" }, "read", "cohort");
      const matching = await loadProgrammeMatching(ctx, viewer.orgId, programmeId);
      return {
        proposals: proposalView(matching),
        withoutProfile: matching.withoutProfile.map(personRef),
        coaches: matching.coaches.map((c) => ({
          coach: personRef(c.person),
          capacity: c.profile.capacity,
          load: c.load,
        })),
      };
    },
  );

  api.post(
    "/api/orgs/:orgId/programmes/:programmeId/matching/cohort",
    {
      schema: {
        tags: ["matching"],
        summary:
          "Confirm pairs (as proposed or overridden): each starts an engagement and records its match (programme admins)",
        params: ProgrammeParams,
        body: Type.Object(
          {
            pairs: Type.Array(Type.Object({ coacheeId: Id, coachId: Id }, { additionalProperties: false }), {
              minItems: 1,
              maxItems: 5000,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ started: Type.Integer() }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { viewer, programmeId } = await programmeFor(ctx, request);
      const who = viewer.viewerFor(programmeId);
      authorize(who, { type: "coachee_profile" }, "change", "cohort");
      authorize(who, { type: "engagement" }, "change", "engagement");
      const matching = await loadProgrammeMatching(ctx, viewer.orgId, programmeId);
      const waitingById = new Map(matching.waiting.map((w) => [w.person.id as string, w]));
      const coachById = new Map(matching.coaches.map((c) => [c.person.id as string, c]));
      const used = new Map<string, number>();
      const seen = new Set<string>();
      const planned = request.body.pairs.map((pair, index) => {
        const field = `body.pairs.${index}`;
        if (seen.has(pair.coacheeId)) {
          throw new DomainError("validation_failed", "A coachee appears in two pairs.", `${field}.coacheeId`);
        }
        seen.add(pair.coacheeId);
        const coachee = waitingById.get(pair.coacheeId);
        if (!coachee) {
          throw new DomainError(
            "conflict",
            "This coachee is not waiting for a coach (no profile, or already in an engagement).",
            `${field}.coacheeId`,
          );
        }
        const coach: MatchingCoach | undefined = coachById.get(pair.coachId);
        if (!coach)
          throw new DomainError(
            "not_found",
            "No such coach with a profile in this programme.",
            `${field}.coachId`,
          );
        const scored = matching.score(coachee, coach);
        if (!scored.allowed) {
          throw new DomainError(
            "conflict",
            `${coachee.person.displayName} and ${coach.person.displayName} cannot be matched: ${scored.reasons.join("; ")}.`,
            `${field}.coachId`,
          );
        }
        const taken = (used.get(coach.person.id) ?? 0) + 1;
        used.set(coach.person.id, taken);
        if (coach.load + taken > coach.profile.capacity) {
          throw new DomainError(
            "conflict",
            `${coach.person.displayName} has room for ${Math.max(0, coach.profile.capacity - coach.load)} more coachee(s).`,
            `${field}.coachId`,
          );
        }
        return { coachee, coach, scored };
      });
      const now = ctx.clock.now();
      await inTransaction(ctx.database.db, async (repos) => {
        for (const { coachee, coach, scored } of planned) {
          const id = await startEngagement(ctx, repos, {
            organizationId: viewer.orgId,
            programmeId,
            coachId: coach.person.id,
            coacheeId: coachee.person.id,
            sponsorId: null,
            plannedSessions: null,
            actorPersonId: viewer.person.id,
            matched: true,
          });
          await repos.matching.insertMatch({
            organizationId: viewer.orgId,
            engagementId: id,
            score: scored.score,
            components: scored.components.map((c) => ({
              component: c.component,
              weight: c.weight,
              value: c.value,
            })),
            source: coachee.choice === coach.person.id ? "choice" : "cohort",
            matchedAt: now,
          });
          await repos.matching.setChoice(viewer.orgId, programmeId, coachee.person.id, null, now);
        }
      });
      return reply.status(201).send({ started: planned.length });
    },
  );

  api.get(
    "/api/orgs/:orgId/programmes/:programmeId/matching/evidence",
    {
      schema: {
        tags: ["matching"],
        summary:
          "Whether each match component predicts the early alliance (mean Alliance Check, sessions 1–3): r with its 95 % interval and n (admins, researchers)",
        params: ProgrammeParams,
        response: {
          200: Type.Object({
            minimumPairs: Type.Integer(),
            pairs: Type.Integer(),
            components: Type.Array(EvidenceSchema),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const { viewer, programmeId } = await programmeFor(ctx, request);
      authorize(viewer.viewerFor(programmeId), { type: "match_evidence" }, "read", "evidence");
      const engagements = await ctx.repos.engagements.listEngagements(viewer.orgId, { programmeId });
      const matches = await ctx.repos.matching.listMatches(
        viewer.orgId,
        engagements.map((e) => e.id),
      );
      const matched = new Map(matches.map((m) => [m.engagementId, m]));
      const alliances = await loadAlliances(
        ctx,
        viewer.orgId,
        engagements.filter((e) => matched.has(e.id)),
      );
      const pairs = [...alliances].flatMap(([engagementId, alliance]) => {
        const early = alliance.points.filter((p) => p.sessionNumber <= EARLY_SESSIONS && p.total !== null);
        const match = matched.get(engagementId);
        if (early.length === 0 || !match) return [];
        return [
          {
            components: match.components,
            earlyAlliance: early.reduce((sum, p) => sum + (p.total ?? 0), 0) / early.length,
          },
        ];
      });
      return {
        minimumPairs: MIN_PAIRS_FOR_EVIDENCE,
        pairs: pairs.length,
        components: matchEvidence(pairs).map((e) =>
          e.status === "estimated" ? e : { ...e, r: null, low: null, high: null },
        ),
      };
    },
  );

  api.get(
    "/api/orgs/:orgId/matching/shortlist",
    {
      schema: {
        tags: ["matching"],
        summary:
          "The caller's shortlists: per programme where they wait for a coach, the three best coaches with reasons",
        params: OrgParams,
        response: {
          200: Type.Object({
            programmes: Type.Array(
              Type.Object({
                programmeId: Type.String(),
                programmeName: Type.String(),
                chosen: Type.Union([Type.String(), Type.Null()]),
                shortlist: Type.Array(
                  Type.Object({ coach: PersonRef, score: Type.Number(), reasons: Type.Array(Reason) }),
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
      const programmes = [
        ...new Set(
          viewer.memberships
            .filter((m) => m.role === "coachee" && m.programmeId !== null)
            .map((m) => m.programmeId as ProgrammeId),
        ),
      ];
      const out = [];
      for (const programmeId of programmes) {
        const who = viewer.viewerFor(programmeId);
        authorize(who, { type: "coachee_profile", personId: viewer.person.id }, "read", "profile");
        const matching = await loadProgrammeMatching(ctx, viewer.orgId, programmeId);
        const me = matching.waiting.find((w) => w.person.id === viewer.person.id);
        if (!me) continue;
        authorize(who, { type: "coach_profile" }, "read", "coach profile");
        const programme = await ctx.repos.organizations.findProgramme(viewer.orgId, programmeId);
        out.push({
          programmeId,
          programmeName: programme?.name ?? "",
          chosen: me.choice,
          shortlist: shortlistFor(matching, me).map((entry) => ({
            coach: personRef(entry.coach.person),
            score: entry.score,
            reasons: reasonsOf(entry.components),
          })),
        });
      }
      return { programmes: out };
    },
  );

  api.post(
    "/api/orgs/:orgId/engagements/:engagementId/rematch",
    {
      schema: {
        tags: ["matching"],
        summary: `End the engagement to find a better-matched coach, within the first ${EARLY_SESSIONS} held sessions (its coach or coachee, or an admin): scheduled sessions are cancelled and the coachee is matched again, never with the same coach`,
        params: Type.Object({ orgId: Id, engagementId: Id }),
        response: {
          200: Type.Object({ closed: Type.Boolean(), cancelledSessions: Type.Integer() }),
          ...errors(401, 404, 409),
        },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const engagement = await ctx.repos.engagements.findEngagement(
        viewer.orgId,
        request.params.engagementId as EngagementId,
      );
      if (!engagement) throw new DomainError("not_found", "No such engagement.");
      authorize(
        viewer.viewerFor(engagement.programmeId),
        { type: "rematch", engagement: partiesOf(engagement) },
        "change",
        "engagement",
      );
      if (engagement.status !== "active")
        throw new DomainError("conflict", "This engagement has already ended.");
      const sessions = await ctx.repos.engagements.listSessionsOfEngagement(viewer.orgId, engagement.id);
      const held = sessions.filter((s) => s.status === "held").length;
      if (held > EARLY_SESSIONS) {
        throw new DomainError(
          "conflict",
          `A re-match is for the first ${EARLY_SESSIONS} sessions; ${held} are held. Talk it through with your coach and programme admin.`,
        );
      }
      const now = ctx.clock.now();
      const cancelledSessions = await inTransaction(ctx.database.db, async (repos) => {
        if (!(await repos.engagements.closeEngagement(viewer.orgId, engagement.id))) {
          throw new DomainError("conflict", "This engagement has already ended.");
        }
        const cancelled = await repos.engagements.cancelScheduledSessions(
          viewer.orgId,
          engagement.id,
          "Re-matched with another coach",
          now,
        );
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "engagement.rematched",
          entityType: "engagement",
          entityId: engagement.id,
          detail: { heldSessions: held, cancelledSessions: cancelled },
        });
        return cancelled;
      });
      return { closed: true, cancelledSessions };
    },
  );

  api.put(
    "/api/orgs/:orgId/programmes/:programmeId/matching/choice",
    {
      schema: {
        tags: ["matching"],
        summary: "Choose a coach from your shortlist (null withdraws the choice); an admin confirms it",
        params: ProgrammeParams,
        body: Type.Object({ coachId: Type.Union([Id, Type.Null()]) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ chosen: Type.Union([Type.String(), Type.Null()]) }),
          ...errors(400, 401, 404, 409),
        },
      },
    },
    async (request) => {
      const { viewer, programmeId } = await programmeFor(ctx, request);
      authorize(
        viewer.viewerFor(programmeId),
        { type: "coachee_profile", personId: viewer.person.id },
        "change",
        "profile",
      );
      const matching = await loadProgrammeMatching(ctx, viewer.orgId, programmeId);
      const me = matching.waiting.find((w) => w.person.id === viewer.person.id);
      if (!me) throw new DomainError("not_found", "You are not waiting for a coach in this programme.");
      const coachId = request.body.coachId;
      if (
        coachId !== null &&
        !shortlistFor(matching, me).some((entry) => entry.coach.person.id === coachId)
      ) {
        throw new DomainError("conflict", "That coach is not on your shortlist (any more).", "body.coachId");
      }
      const now = ctx.clock.now();
      await inTransaction(ctx.database.db, async (repos) => {
        await repos.matching.setChoice(
          viewer.orgId,
          programmeId,
          viewer.person.id,
          coachId as PersonId | null,
          now,
        );
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: coachId === null ? "matching.choice_withdrawn" : "matching.coach_chosen",
          entityType: "matching_choice",
          entityId: programmeId,
          detail: { programmeId },
        });
      });
      return { chosen: coachId };
    },
  );
}
