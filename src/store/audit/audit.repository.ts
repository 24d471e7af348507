// The append-only audit log: who changed what, when. Entries are never updated or deleted.

import type { Kysely } from "kysely";
import type { IsoInstant, OrganizationId, PersonId } from "../../core/shared/brand.ts";
import { preparedQuery, slot } from "../prepared-query.ts";
import type { Schema } from "../schema.ts";

export interface AuditEntry {
  readonly organizationId: OrganizationId;
  readonly id: string;
  readonly at: IsoInstant;
  readonly actorPersonId: PersonId | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /** Small, non-personal facts about the change (ids, statuses); never free text written by people. */
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

export interface AuditEntryView extends AuditEntry {
  readonly actorName: string | null;
}

/** Written with every change, so prepared once. */
const appendEntry = preparedQuery((db) =>
  db.insertInto("audit_log").values({
    organization_id: slot("organizationId"),
    id: slot("id"),
    at: slot("at"),
    actor_person_id: slot("actorPersonId"),
    action: slot("action"),
    entity_type: slot("entityType"),
    entity_id: slot("entityId"),
    detail: slot("detail"),
  }),
);

export class AuditRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async appendAuditEntry(entry: AuditEntry): Promise<void> {
    await appendEntry(this.#db, { ...entry, detail: JSON.stringify(entry.detail) });
  }

  /** Newest first; entries about `excludeEntityTypes` are left out. */
  async listRecentAuditEntries(
    orgId: OrganizationId,
    limit: number,
    excludeEntityTypes: readonly string[] = [],
  ): Promise<AuditEntryView[]> {
    const rows = await this.#db
      .selectFrom("audit_log as l")
      .leftJoin("people as p", (join) =>
        join.onRef("p.organization_id", "=", "l.organization_id").onRef("p.id", "=", "l.actor_person_id"),
      )
      .select([
        "l.organization_id",
        "l.id",
        "l.at",
        "l.actor_person_id",
        "p.display_name",
        "l.action",
        "l.entity_type",
        "l.entity_id",
        "l.detail",
      ])
      .where("l.organization_id", "=", orgId)
      .where((eb) =>
        excludeEntityTypes.length === 0
          ? eb.lit(true)
          : eb("l.entity_type", "not in", [...excludeEntityTypes]),
      )
      .orderBy("l.at", "desc")
      .orderBy("l.id", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      organizationId: row.organization_id as OrganizationId,
      id: row.id,
      at: row.at as IsoInstant,
      actorPersonId: row.actor_person_id as PersonId | null,
      actorName: row.display_name,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      detail: JSON.parse(row.detail) as AuditEntry["detail"],
    }));
  }
}
