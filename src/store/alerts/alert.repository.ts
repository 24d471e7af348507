// Stored alerts: raised once per finding (by key), then acknowledged and resolved by the coach.

import type { Kysely } from "kysely";
import type { AlertKind, AlertSeverity } from "../../core/feedback/alert.ts";
import type { AlertState } from "../../core/feedback/alert-lifecycle.ts";
import type {
  EngagementId,
  IsoInstant,
  OrganizationId,
  PersonId,
  SessionId,
} from "../../core/shared/brand.ts";
import type { Schema } from "../schema.ts";

export interface StoredAlert {
  readonly organizationId: OrganizationId;
  readonly id: string;
  readonly engagementId: EngagementId;
  readonly sessionId: SessionId;
  readonly key: string;
  readonly kind: AlertKind;
  readonly severity: AlertSeverity;
  readonly reason: string;
  readonly suggestedRepair: string;
  readonly finding: unknown;
  readonly state: AlertState;
}

type AlertRow = Schema["alerts"];

function toState(row: AlertRow): AlertState {
  const openedAt = row.opened_at as IsoInstant;
  if (row.status === "open" || row.acknowledged_at === null || row.acknowledged_by === null) {
    return { status: "open", openedAt };
  }
  const acknowledged = {
    openedAt,
    acknowledgedAt: row.acknowledged_at as IsoInstant,
    acknowledgedBy: row.acknowledged_by as PersonId,
  };
  if (row.status === "acknowledged" || row.resolved_at === null || row.resolved_by === null) {
    return { status: "acknowledged", ...acknowledged };
  }
  return {
    status: "resolved",
    ...acknowledged,
    resolvedAt: row.resolved_at as IsoInstant,
    resolvedBy: row.resolved_by as PersonId,
    note: row.resolution_note ?? "",
  };
}

function toAlert(row: AlertRow): StoredAlert {
  return {
    organizationId: row.organization_id as OrganizationId,
    id: row.id,
    engagementId: row.engagement_id as EngagementId,
    sessionId: row.session_id as SessionId,
    key: row.alert_key,
    kind: row.kind as AlertKind,
    severity: row.severity as AlertSeverity,
    reason: row.reason,
    suggestedRepair: row.suggested_repair,
    finding: JSON.parse(row.finding) as unknown,
    state: toState(row),
  };
}

/** Alerts per insert statement. */
const ALERT_INSERT_CHUNK = 500;

export class AlertRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Stores an alert unless one with its key exists; returns whether it was new. */
  async insertAlertIfNew(alert: StoredAlert): Promise<boolean> {
    return (await this.insertAlertsIfNew([alert])) === 1;
  }

  /**
   * Stores the alerts whose key the organization has not seen, in one statement; an alert raised before
   * (same key) is left as it is. Returns how many were new.
   */
  async insertAlertsIfNew(alerts: readonly StoredAlert[]): Promise<number> {
    // Chunks keep a statement well inside both databases' limits on bound parameters (17 per alert).
    let added = 0;
    for (let start = 0; start < alerts.length; start += ALERT_INSERT_CHUNK) {
      added += await this.#insertChunk(alerts.slice(start, start + ALERT_INSERT_CHUNK));
    }
    return added;
  }

  /**
   * Which of `keys` the organization has raised an alert for. It reads the key index alone: the rules
   * re-derive every finding of a history, and most are known, so callers skip building those again.
   */
  async knownAlertKeys(orgId: OrganizationId, keys: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (let start = 0; start < keys.length; start += ALERT_INSERT_CHUNK) {
      const rows = await this.#db
        .selectFrom("alerts")
        .select("alert_key")
        .where("organization_id", "=", orgId)
        .where("alert_key", "in", keys.slice(start, start + ALERT_INSERT_CHUNK))
        .execute();
      for (const row of rows) known.add(row.alert_key);
    }
    return known;
  }

  async #insertChunk(alerts: readonly StoredAlert[]): Promise<number> {
    const result = await this.#db
      .insertInto("alerts")
      .values(
        alerts.map((alert) => ({
          organization_id: alert.organizationId,
          id: alert.id,
          engagement_id: alert.engagementId,
          session_id: alert.sessionId,
          alert_key: alert.key,
          kind: alert.kind,
          severity: alert.severity,
          reason: alert.reason,
          suggested_repair: alert.suggestedRepair,
          finding: JSON.stringify(alert.finding),
          status: alert.state.status,
          opened_at: alert.state.openedAt,
          acknowledged_at: null,
          acknowledged_by: null,
          resolved_at: null,
          resolved_by: null,
          resolution_note: null,
        })),
      )
      .onConflict((oc) => oc.columns(["organization_id", "alert_key"]).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  async findAlert(orgId: OrganizationId, id: string): Promise<StoredAlert | undefined> {
    const row = await this.#db
      .selectFrom("alerts")
      .selectAll()
      .where("organization_id", "=", orgId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? toAlert(row) : undefined;
  }

  /** Alerts of the engagements given, urgent first, then newest first. */
  async listAlertsOfEngagements(
    orgId: OrganizationId,
    engagementIds: readonly EngagementId[],
    statuses: readonly AlertState["status"][],
  ): Promise<StoredAlert[]> {
    if (engagementIds.length === 0 || statuses.length === 0) return [];
    const rows = await this.#db
      .selectFrom("alerts")
      .selectAll()
      .where("organization_id", "=", orgId)
      .where("engagement_id", "in", engagementIds)
      .where("status", "in", statuses)
      .orderBy("opened_at", "desc")
      .orderBy("id", "desc")
      .execute();
    const rank: Record<string, number> = { urgent: 0, warning: 1, info: 2 };
    return rows.map(toAlert).sort((a, b) => (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3));
  }

  /** Writes a new state, unless the alert changed meanwhile (its status is no longer `expected`). */
  async updateAlertState(
    orgId: OrganizationId,
    id: string,
    expected: AlertState["status"],
    state: AlertState,
  ): Promise<boolean> {
    const result = await this.#db
      .updateTable("alerts")
      .set({
        status: state.status,
        acknowledged_at: state.status === "open" ? null : state.acknowledgedAt,
        acknowledged_by: state.status === "open" ? null : state.acknowledgedBy,
        resolved_at: state.status === "resolved" ? state.resolvedAt : null,
        resolved_by: state.status === "resolved" ? state.resolvedBy : null,
        resolution_note: state.status === "resolved" ? state.note : null,
      })
      .where("organization_id", "=", orgId)
      .where("id", "=", id)
      .where("status", "=", expected)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
