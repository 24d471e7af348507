// A programme's thresholds for the feedback rules: coaches read them, programme admins change them.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import {
  FEEDBACK_SETTING_FIELDS,
  type FeedbackSettingsOverrides,
  feedbackSettingRange,
  resolveFeedbackSettings,
} from "../../core/feedback/feedback-settings.ts";
import type { ProgrammeId } from "../../core/shared/brand.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import { errors, Id } from "../http/schemas.ts";
import { programmeSettingsFor } from "../organizations/organization.routes.ts";
import { settingsFor } from "./alliance-feedback.ts";

const Params = Type.Object({ orgId: Id, programmeId: Id });
const Values = Type.Record(Type.String(), Type.Number());

export async function settingsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  async function view(orgId: Parameters<typeof settingsFor>[1], programmeId: ProgrammeId) {
    const settings = await settingsFor(ctx, orgId, programmeId);
    const overrides = await ctx.repos.organizations.findFeedbackOverrides(orgId, programmeId);
    return {
      settings: Object.fromEntries(FEEDBACK_SETTING_FIELDS.map((field) => [field, settings[field]])),
      overrides,
      ranges: Object.fromEntries(
        FEEDBACK_SETTING_FIELDS.map((field) => [field, feedbackSettingRange(field)]),
      ),
    };
  }

  const Response = Type.Object({
    settings: Values,
    overrides: Values,
    ranges: Type.Record(Type.String(), Type.Unknown()),
  });

  api.get(
    "/api/orgs/:orgId/programmes/:programmeId/feedback-settings",
    {
      schema: {
        tags: ["alerts"],
        summary: "The programme's thresholds for the feedback rules (admins and coaches)",
        params: Params,
        response: { 200: Response, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { viewer, programmeId } = await programmeSettingsFor(ctx, request, "read");
      return await view(viewer.orgId, programmeId);
    },
  );

  api.put(
    "/api/orgs/:orgId/programmes/:programmeId/feedback-settings",
    {
      schema: {
        tags: ["alerts"],
        summary:
          "Set the programme's overrides of the defaults; {} restores every default (programme admins)",
        params: Params,
        body: Type.Object({ overrides: Values }, { additionalProperties: false }),
        response: { 200: Response, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { viewer, programmeId } = await programmeSettingsFor(ctx, request, "change");
      const overrides = request.body.overrides;
      const unknown = Object.keys(overrides).find(
        (key) => !(FEEDBACK_SETTING_FIELDS as readonly string[]).includes(key),
      );
      if (unknown)
        throw new DomainError(
          "validation_failed",
          `${unknown} is not a setting.`,
          `body.overrides.${unknown}`,
        );
      const resolved = resolveFeedbackSettings(overrides as FeedbackSettingsOverrides);
      if (!resolved.ok) {
        throw new DomainError(
          "validation_failed",
          resolved.error.message,
          `body.overrides.${resolved.error.field}`,
        );
      }
      await inTransaction(ctx.database.db, async (repos) => {
        await repos.organizations.saveFeedbackOverrides(
          viewer.orgId,
          programmeId,
          overrides,
          viewer.person.id,
          ctx.clock.now(),
        );
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "feedback_settings.changed",
          entityType: "programme",
          entityId: programmeId,
          detail: { fields: Object.keys(overrides).join(",") },
        });
      });
      return await view(viewer.orgId, programmeId);
    },
  );
}
