// The programme admin's view of the alliance: how engagements' latest ratings are distributed, never who.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { MIN_GROUP_SIZE, totalsMayBeShown } from "../../core/contracts/aggregates.ts";
import { DISTRIBUTION_BANDS, distributionOf } from "../../core/feedback/distribution.ts";
import type { ScoreReport } from "../../core/instruments/scoring.ts";
import type { AppContext } from "../app-context.ts";
import { errors, Id, OrgParams } from "../http/schemas.ts";
import { authorize, resolveOrgViewer } from "../organizations/org-viewer.ts";
import { programmeInOrg } from "../organizations/organization.routes.ts";
import { scoreValue, settingsFor } from "./alliance-feedback.ts";
import { AFTER_SESSION_INSTRUMENT } from "./rating-links.ts";

const DistributionSchema = Type.Object({
  engagements: Type.Integer(),
  bands: Type.Record(Type.String(), Type.Integer()),
  belowCutoff: Type.Integer(),
  median: Type.Union([Type.Number(), Type.Null()]),
});

export async function distributionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    "/api/orgs/:orgId/alliance-distribution",
    {
      schema: {
        tags: ["ratings"],
        summary:
          "Distribution of engagements' latest Alliance Check totals (admins, researchers; groups of 5+ only)",
        params: OrgParams,
        querystring: Type.Object({ programmeId: Type.Optional(Id) }),
        response: {
          200: Type.Object({
            cutoff: Type.Number(),
            minimumGroupSize: Type.Integer(),
            bands: Type.Array(Type.Object({ id: Type.String(), min: Type.Number(), max: Type.Number() })),
            withheld: Type.Boolean(),
            distribution: Type.Union([DistributionSchema, Type.Null()]),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const programmeId = await programmeInOrg(ctx, viewer, request.query.programmeId);
      authorize(viewer.viewerFor(programmeId), { type: "programme_summary" }, "read", "summary");
      const responses = await ctx.repos.ratings.listResponsesForAggregates(
        viewer.orgId,
        AFTER_SESSION_INSTRUMENT,
        programmeId,
      );
      // The latest rated total of each engagement (responses come oldest first).
      const latest = new Map<string, { total: number; coacheeId: string; programmeId: string }>();
      for (const response of responses) {
        const total = scoreValue((response.scores as ScoreReport).total);
        if (total !== null) latest.set(response.engagementId, { total, ...response });
      }
      const rated = [...latest.values()];
      const coachees = (of: typeof rated) => new Set(of.map((r) => r.coacheeId)).size;
      const parts =
        programmeId === undefined
          ? [...new Set(rated.map((r) => r.programmeId))].map((p) =>
              coachees(rated.filter((r) => r.programmeId === p)),
            )
          : [];
      const cutoff = (await settingsFor(ctx, viewer.orgId, programmeId)).weakAllianceCutoff0to40;
      const shown = totalsMayBeShown(coachees(rated), parts);
      return {
        cutoff,
        minimumGroupSize: MIN_GROUP_SIZE,
        bands: DISTRIBUTION_BANDS.map(({ id, min, max }) => ({ id, min, max: Math.min(max, 40) })),
        withheld: !shown,
        distribution: shown
          ? distributionOf(
              rated.map((r) => r.total),
              cutoff,
            )
          : null,
      };
    },
  );
}
