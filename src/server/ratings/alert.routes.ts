// The coach's alerts: an inbox across their engagements, and acknowledging or resolving one with a note.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { type AlertAction, type AlertStatus, applyAlertAction } from "../../core/feedback/alert-lifecycle.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import { partiesOf } from "../../store/engagements/engagement.repository.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import { errors, Id, OrgParams } from "../http/schemas.ts";
import { allows, authorize, type OrgViewer, resolveOrgViewer } from "../organizations/org-viewer.ts";
import { alertView, loadAlliances, refreshAlertsOf } from "./alliance-feedback.ts";

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const AlertSchema = Type.Object({
  id: Type.String(),
  engagementId: Type.String(),
  coacheeName: Type.String(),
  kind: Type.String(),
  severity: Type.String(),
  reason: Type.String(),
  suggestedRepair: Type.String(),
  sessionId: Type.String(),
  sessionNumber: Type.Union([Type.Integer(), Type.Null()]),
  status: Type.String(),
  openedAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  resolutionNote: Nullable(Type.String()),
});

const AlertParams = Type.Object({ orgId: Id, alertId: Id });

const STATUS_FILTERS: Record<string, readonly AlertStatus[]> = {
  open: ["open"],
  acknowledged: ["acknowledged"],
  resolved: ["resolved"],
  all: ["open", "acknowledged", "resolved"],
  active: ["open", "acknowledged"],
};

export async function alertRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  /** The engagements whose alerts the caller may read (those they coach). */
  async function engagementsWithAlerts(viewer: OrgViewer) {
    const mine = await ctx.repos.engagements.listEngagements(viewer.orgId, { partyId: viewer.person.id });
    return mine.filter((e) =>
      allows(viewer.viewerFor(e.programmeId), { type: "alliance_alert", engagement: partiesOf(e) }, "read"),
    );
  }

  api.get(
    "/api/orgs/:orgId/alerts",
    {
      schema: {
        tags: ["alerts"],
        summary: "The caller's alerts across the engagements they coach, urgent first, newest first",
        params: OrgParams,
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([
              Type.Literal("open"),
              Type.Literal("acknowledged"),
              Type.Literal("resolved"),
              Type.Literal("active"),
              Type.Literal("all"),
            ]),
          ),
        }),
        response: { 200: Type.Object({ alerts: Type.Array(AlertSchema) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const engagements = await engagementsWithAlerts(viewer);
      const sessionNumbers = new Map<string, number>();
      const loaded = await loadAlliances(ctx, viewer.orgId, engagements);
      for (const { points } of loaded.values()) {
        for (const point of points) sessionNumbers.set(point.sessionId, point.sessionNumber);
      }
      // Time alone can raise an alert (ratings missed), so the rules run again whenever the coach looks.
      await refreshAlertsOf(
        ctx,
        viewer.orgId,
        engagements,
        new Map([...loaded].map(([id, { history }]) => [id, history])),
      );
      const statuses = STATUS_FILTERS[request.query.status ?? "active"] ?? [];
      const stored = await ctx.repos.alerts.listAlertsOfEngagements(
        viewer.orgId,
        engagements.map((e) => e.id),
        statuses,
      );
      const byId = new Map(engagements.map((e) => [e.id, e]));
      return {
        alerts: stored.flatMap((alert) => {
          const engagement = byId.get(alert.engagementId);
          return engagement
            ? [alertView(alert, engagement, sessionNumbers.get(alert.sessionId) ?? null)]
            : [];
        }),
      };
    },
  );

  /** Applies an acknowledge or resolve action to an alert, if the policy lets the caller change it. */
  async function act(
    request: FastifyRequest<{ Params: { orgId: string; alertId: string } }>,
    action: (personId: OrgViewer["person"]["id"]) => AlertAction,
  ) {
    const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
    const alert = await ctx.repos.alerts.findAlert(viewer.orgId, request.params.alertId);
    const engagement =
      alert && (await ctx.repos.engagements.findEngagement(viewer.orgId, alert.engagementId));
    if (!alert || !engagement) throw new DomainError("not_found", "No such alert.");
    authorize(
      viewer.viewerFor(engagement.programmeId),
      { type: "alliance_alert", engagement: partiesOf(engagement) },
      "change",
      "alert",
    );
    const todo = action(viewer.person.id);
    const result = applyAlertAction(alert, todo, ctx.clock.now());
    if (!result.ok) {
      const code = result.error.code === "already_resolved" ? "conflict" : "validation_failed";
      throw new DomainError(
        code,
        result.error.message,
        result.error.field ? `body.${result.error.field}` : undefined,
      );
    }
    const next = result.value;
    await inTransaction(ctx.database.db, async (repos) => {
      if (!(await repos.alerts.updateAlertState(viewer.orgId, alert.id, alert.state.status, next.state))) {
        throw new DomainError("conflict", "This alert was changed meanwhile; reload and try again.");
      }
      await recordAudit(ctx, repos, {
        organizationId: viewer.orgId,
        actorPersonId: viewer.person.id,
        action: `alert.${todo.type === "resolve" ? "resolved" : "acknowledged"}`,
        entityType: "alert",
        entityId: alert.id,
        detail: { kind: alert.kind },
      });
    });
    return { alert: alertView(next, engagement, null) };
  }

  api.post(
    "/api/orgs/:orgId/alerts/:alertId/acknowledge",
    {
      schema: {
        tags: ["alerts"],
        summary: "Acknowledge an alert (the coach); acknowledging twice keeps the first",
        params: AlertParams,
        response: { 200: Type.Object({ alert: AlertSchema }), ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => await act(request, (by) => ({ type: "acknowledge", by })),
  );

  api.post(
    "/api/orgs/:orgId/alerts/:alertId/resolve",
    {
      schema: {
        tags: ["alerts"],
        summary: "Resolve an alert with a note on what was done (the coach)",
        params: AlertParams,
        body: Type.Object({ note: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ alert: AlertSchema }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => await act(request, (by) => ({ type: "resolve", by, note: request.body.note })),
  );
}
